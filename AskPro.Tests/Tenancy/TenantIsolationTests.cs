using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;

namespace AskPro.Tests.Tenancy;

public sealed class SqliteTenantIsolationTests
{
    public static TheoryData<Type> Types => TenantIsolationChecks.TenantOwnedTypes;

    [Theory, MemberData(nameof(Types))]
    public async Task Company_A_sees_only_its_own_rows(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TenantIsolationChecks.A_sees_only_its_own_rows(db, type);
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Company_A_cannot_update_company_Bs_row(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TenantIsolationChecks.A_cannot_update_Bs_row(db, type);
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Company_A_cannot_delete_company_Bs_row(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TenantIsolationChecks.A_cannot_delete_Bs_row(db, type);
    }

    [Theory, MemberData(nameof(Types))]
    public async Task Touching_tenant_data_without_a_tenant_throws(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TenantIsolationChecks.Without_a_tenant_reads_and_writes_throw(db, type);
    }

    [Fact]
    public async Task A_company_sees_and_changes_only_its_own_company_row()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TenantIsolationChecks.The_company_row_itself_is_isolated(db);
    }
}

public sealed class PostgresTenantIsolationTests
{
    public static TheoryData<Type> Types => TenantIsolationChecks.TenantOwnedTypes;

    [PostgresTheory, MemberData(nameof(Types))]
    public async Task Company_A_sees_only_its_own_rows(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await TenantIsolationChecks.A_sees_only_its_own_rows(db, type);
    }

    [PostgresTheory, MemberData(nameof(Types))]
    public async Task Company_A_cannot_update_or_delete_company_Bs_row(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await TenantIsolationChecks.A_cannot_update_Bs_row(db, type);
        await using var second = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await TenantIsolationChecks.A_cannot_delete_Bs_row(second, type);
    }

    [PostgresTheory, MemberData(nameof(Types))]
    public async Task Touching_tenant_data_without_a_tenant_throws(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await TenantIsolationChecks.Without_a_tenant_reads_and_writes_throw(db, type);
    }

    [PostgresFact]
    public async Task A_company_sees_and_changes_only_its_own_company_row()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await TenantIsolationChecks.The_company_row_itself_is_isolated(db);
    }
}

public sealed class SqlServerTenantIsolationTests
{
    public static TheoryData<Type> Types => TenantIsolationChecks.TenantOwnedTypes;

    [SqlServerTheory, MemberData(nameof(Types))]
    public async Task Company_A_sees_only_its_own_rows(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await TenantIsolationChecks.A_sees_only_its_own_rows(db, type);
    }

    [SqlServerTheory, MemberData(nameof(Types))]
    public async Task Company_A_cannot_update_or_delete_company_Bs_row(Type type)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await TenantIsolationChecks.A_cannot_update_Bs_row(db, type);
        await using var second = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await TenantIsolationChecks.A_cannot_delete_Bs_row(second, type);
    }

    [SqlServerFact]
    public async Task A_company_sees_and_changes_only_its_own_company_row()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.SqlServer);
        await TenantIsolationChecks.The_company_row_itself_is_isolated(db);
    }
}
