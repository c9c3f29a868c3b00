using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AskPro.Tests.Support;

/// <summary>A real, migrated database for one test: a temp SQLite file or a fresh database on
/// the run's PostgreSQL server.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFolder;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            database = new TestDatabase(provider, await server.CreateDatabaseAsync(), null);
        }
        else
        {
            var folder = TestServices.NewTempDirectory("askpro-sqlite");
            database = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "askpro.db")}", folder);
        }

        await using var db = database.Platform();
        await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance);
        return database;
    }

    public AskProDbContext Context(ITenantContext tenant)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var options = new DbContextOptionsBuilder<PostgresAskProDbContext>();
            PersistenceRegistration.ConfigurePostgres(options, ConnectionString);
            return new PostgresAskProDbContext(options.Options, tenant);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteAskProDbContext>();
        PersistenceRegistration.ConfigureSqlite(sqlite, ConnectionString);
        return new SqliteAskProDbContext(sqlite.Options, tenant);
    }

    public AskProDbContext Platform()
    {
        var tenant = new TenantContext();
        tenant.EnterPlatformScope("test setup");
        return Context(tenant);
    }

    public AskProDbContext For(Guid companyId)
    {
        var tenant = new TenantContext();
        tenant.UseTenant(TenantId.From(companyId));
        return Context(tenant);
    }

    public AskProDbContext WithoutTenant() => Context(new TenantContext());

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteFolder is not null && Directory.Exists(_sqliteFolder)) Directory.Delete(_sqliteFolder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
