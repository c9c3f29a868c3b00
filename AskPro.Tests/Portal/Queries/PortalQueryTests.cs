using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;

namespace AskPro.Tests.Portal.Queries;

/// <summary>The portal's query services and commands on SQLite.</summary>
public sealed class SqlitePortalQueryTests
{
    [Fact]
    public async Task Appointments_are_the_companys_own_filtered_sorted_and_paged_in_SQL()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.Appointments_are_the_companys_own_filtered_sorted_and_paged_in_SQL(world);
    }

    [Fact]
    public async Task The_dashboard_counts_today_and_this_week_in_the_companys_zone()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.The_dashboard_counts_today_and_this_week_in_the_companys_zone(world);
    }

    [Fact]
    public async Task Calls_and_a_calls_detail_are_the_companys_own()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.Calls_and_a_calls_detail_are_the_companys_own(world);
    }

    [Fact]
    public async Task Customers_are_found_by_any_spelling_of_the_number_or_by_name()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.Customers_are_found_by_any_spelling_of_the_number_or_by_name(world);
    }

    [Fact]
    public async Task The_inbox_shows_a_company_only_its_items_and_platform_staff_all()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.The_inbox_shows_a_company_only_its_items_and_platform_staff_all(world);
    }

    [Fact]
    public async Task The_company_profile_keys_and_numbers_are_the_companys_own()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.The_company_profile_keys_and_numbers_are_the_companys_own(world);
    }

    [Fact]
    public async Task Api_keys_are_created_and_revoked_with_audit_entries_and_never_across_companies()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.Api_keys_are_created_and_revoked_with_audit_entries_and_never_across_companies(world);
    }

    [Fact]
    public async Task A_customer_added_in_the_portal_is_audited_and_a_bad_one_changes_nothing()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.A_customer_added_in_the_portal_is_audited_and_a_bad_one_changes_nothing(world);
    }

    [Fact]
    public async Task The_health_read_counts_every_companys_inbox_and_each_jobs_last_run()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await PortalQueryChecks.The_health_read_counts_every_companys_inbox_and_each_jobs_last_run(world);
    }
}

/// <summary>The portal's query services and commands on PostgreSQL.</summary>
public sealed class PostgresPortalQueryTests
{
    [PostgresFact]
    public async Task Appointments_are_the_companys_own_filtered_sorted_and_paged_in_SQL()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.Appointments_are_the_companys_own_filtered_sorted_and_paged_in_SQL(world);
    }

    [PostgresFact]
    public async Task The_dashboard_counts_today_and_this_week_in_the_companys_zone()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.The_dashboard_counts_today_and_this_week_in_the_companys_zone(world);
    }

    [PostgresFact]
    public async Task Calls_and_a_calls_detail_are_the_companys_own()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.Calls_and_a_calls_detail_are_the_companys_own(world);
    }

    [PostgresFact]
    public async Task Customers_are_found_by_any_spelling_of_the_number_or_by_name()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.Customers_are_found_by_any_spelling_of_the_number_or_by_name(world);
    }

    [PostgresFact]
    public async Task The_inbox_shows_a_company_only_its_items_and_platform_staff_all()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.The_inbox_shows_a_company_only_its_items_and_platform_staff_all(world);
    }

    [PostgresFact]
    public async Task The_company_profile_keys_and_numbers_are_the_companys_own()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.The_company_profile_keys_and_numbers_are_the_companys_own(world);
    }

    [PostgresFact]
    public async Task Api_keys_are_created_and_revoked_with_audit_entries_and_never_across_companies()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.Api_keys_are_created_and_revoked_with_audit_entries_and_never_across_companies(world);
    }

    [PostgresFact]
    public async Task A_customer_added_in_the_portal_is_audited_and_a_bad_one_changes_nothing()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.A_customer_added_in_the_portal_is_audited_and_a_bad_one_changes_nothing(world);
    }

    [PostgresFact]
    public async Task The_health_read_counts_every_companys_inbox_and_each_jobs_last_run()
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await PortalQueryChecks.The_health_read_counts_every_companys_inbox_and_each_jobs_last_run(world);
    }
}
