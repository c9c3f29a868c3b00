using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace AskPro.Tests.Support;

/// <summary>A real, migrated database for one test: a temp SQLite file or a fresh database on
/// the run's PostgreSQL server or on the SQL Server named by ASKPRO_SQLSERVER.</summary>
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
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = TestServices.NewTempDirectory("askpro-sqlite");
            database = new TestDatabase(provider, $"Data Source={Path.Combine(folder, "askpro.db")}", folder);
        }
        else database = new TestDatabase(provider, await CreateServerDatabaseAsync(provider), null);

        await using var db = database.Platform();
        await DatabaseMigrator.MigrateAsync(db, NullLogger.Instance);
        return database;
    }

    /// <summary>Reads and writes an existing database (e.g. the one a child-process app migrated);
    /// the caller owns it.</summary>
    public static TestDatabase Open(DatabaseProvider provider, string connectionString) => new(provider, connectionString, null);

    /// <summary>An empty database on the provider's test server, for an app that migrates it itself.</summary>
    public static async Task<string> CreateServerDatabaseAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Postgres => await (await PostgresServer.GetAsync()).CreateDatabaseAsync(),
        DatabaseProvider.SqlServer => await SqlServerServer.CreateDatabaseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "SQLite needs no server."),
    };

    public AskProDbContext Context(ITenantContext tenant)
    {
        switch (Provider)
        {
            case DatabaseProvider.Postgres:
                var postgres = new DbContextOptionsBuilder<PostgresAskProDbContext>();
                PersistenceRegistration.ConfigurePostgres(postgres, ConnectionString);
                return new PostgresAskProDbContext(postgres.Options, tenant);
            case DatabaseProvider.SqlServer:
                var sqlServer = new DbContextOptionsBuilder<SqlServerAskProDbContext>();
                PersistenceRegistration.ConfigureSqlServer(sqlServer, ConnectionString);
                return new SqlServerAskProDbContext(sqlServer.Options, tenant);
            default:
                var sqlite = new DbContextOptionsBuilder<SqliteAskProDbContext>();
                PersistenceRegistration.ConfigureSqlite(sqlite, ConnectionString);
                return new SqliteAskProDbContext(sqlite.Options, tenant);
        }
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
