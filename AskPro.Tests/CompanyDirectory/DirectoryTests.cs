using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;

namespace AskPro.Tests.CompanyDirectory;

public sealed class SqliteDirectoryTests
{
    private static async Task On(Func<PortalWorld, Task> check)
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Sqlite);
        await check(world);
    }

    [Fact] public Task Bad_hours_services_and_staff_get_German_errors_and_change_nothing() => On(DirectoryChecks.Bad_hours_services_and_staff_get_German_errors_and_change_nothing);
    [Fact] public Task A_saved_change_is_audited_and_the_directory_the_agent_reads_has_it_at_once() => On(DirectoryChecks.A_saved_change_is_audited_and_the_directory_the_agent_reads_has_it_at_once);
    [Fact] public Task Another_companys_records_are_not_found_and_stay_as_they_were() => On(DirectoryChecks.Another_companys_records_are_not_found_and_stay_as_they_were);
    [Fact] public Task An_absence_blocks_the_staff_members_time_on_every_channel_until_withdrawn() => On(DirectoryChecks.An_absence_blocks_the_staff_members_time_on_every_channel_until_withdrawn);
}

public sealed class PostgresDirectoryTests
{
    private static async Task On(Func<PortalWorld, Task> check)
    {
        await using var world = await PortalWorld.CreateAsync(DatabaseProvider.Postgres);
        await check(world);
    }

    [PostgresFact] public Task Bad_hours_services_and_staff_get_German_errors_and_change_nothing() => On(DirectoryChecks.Bad_hours_services_and_staff_get_German_errors_and_change_nothing);
    [PostgresFact] public Task A_saved_change_is_audited_and_the_directory_the_agent_reads_has_it_at_once() => On(DirectoryChecks.A_saved_change_is_audited_and_the_directory_the_agent_reads_has_it_at_once);
    [PostgresFact] public Task Another_companys_records_are_not_found_and_stay_as_they_were() => On(DirectoryChecks.Another_companys_records_are_not_found_and_stay_as_they_were);
    [PostgresFact] public Task An_absence_blocks_the_staff_members_time_on_every_channel_until_withdrawn() => On(DirectoryChecks.An_absence_blocks_the_staff_members_time_on_every_channel_until_withdrawn);
}
