using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AskPro.DesignHost;

// dotnet-ef builds each provider's context here; the connection strings are placeholders,
// used only for has-pending-model-changes and migrations add (no server is contacted).
public sealed class SqliteFactory : IDesignTimeDbContextFactory<SqliteAskProDbContext>
{
    public SqliteAskProDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteAskProDbContext>();
        PersistenceRegistration.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteAskProDbContext(options.Options, new TenantContext());
    }
}

public sealed class PostgresFactory : IDesignTimeDbContextFactory<PostgresAskProDbContext>
{
    public PostgresAskProDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresAskProDbContext>();
        PersistenceRegistration.ConfigurePostgres(options, "Host=127.0.0.1;Database=askpro_design;Username=askpro");
        return new PostgresAskProDbContext(options.Options, new TenantContext());
    }
}
