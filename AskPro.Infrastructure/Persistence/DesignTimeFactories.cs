using AskPro.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AskPro.Infrastructure.Persistence;

// dotnet-ef builds each provider's context through these (tools/add-migration.sh, CI). The
// connection strings are placeholders: migrations add, script and has-pending-model-changes
// contact no server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAskProDbContext>
{
    public SqliteAskProDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqliteAskProDbContext>(o => PersistenceRegistration.ConfigureSqlite(o, "Data Source=design-time.db")), new TenantContext());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAskProDbContext>
{
    public PostgresAskProDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<PostgresAskProDbContext>(o => PersistenceRegistration.ConfigurePostgres(o, "Host=127.0.0.1;Database=askpro_design;Username=askpro")), new TenantContext());
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAskProDbContext>
{
    public SqlServerAskProDbContext CreateDbContext(string[] args) =>
        new(DesignTime.Options<SqlServerAskProDbContext>(o => PersistenceRegistration.ConfigureSqlServer(o, "Server=127.0.0.1;Database=askpro_design;TrustServerCertificate=true")), new TenantContext());
}

file static class DesignTime
{
    public static DbContextOptions<T> Options<T>(Action<DbContextOptionsBuilder> configure) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        return builder.Options;
    }
}
