using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Caching;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AskPro.Infrastructure.Persistence;

public static class PersistenceRegistration
{
    /// <summary>The database, the tenant context it filters by, and the stores built on it.</summary>
    public static IServiceCollection AddAskProPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());

        // Options are built once (singleton), not per request: building them parses the
        // connection string and, for SQLite, touches the file system.
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                AddContexts<PostgresAskProDbContext>(services, o => ConfigurePostgres(o, options.ConnectionString, options.CommandTimeoutSeconds, Retries(options)));
                break;
            case DatabaseProvider.SqlServer:
                AddContexts<SqlServerAskProDbContext>(services, o => ConfigureSqlServer(o, options.ConnectionString, options.CommandTimeoutSeconds, Retries(options)));
                break;
            default:
                AddContexts<SqliteAskProDbContext>(services, o => ConfigureSqlite(o, options.ConnectionString, options.CommandTimeoutSeconds));
                break;
        }

        AddDirectoryChanges(services, configuration);
        services.AddSingleton(TimeProvider.System);
        AddLeases(services, configuration);
        return services;
    }

    /// <summary>The short, renewed leases of the inbox, outbox and message workers, and who this node is.</summary>
    private static void AddLeases(IServiceCollection services, IConfiguration configuration)
    {
        var leases = configuration.GetSection(LeaseOptions.Section).Get<LeaseOptions>() ?? new LeaseOptions();
        if (leases.Seconds < 2 || leases.RenewSeconds < 1 || leases.RenewSeconds * 2 > leases.Seconds)
            throw new InvalidOperationException("Leases: Seconds ≥ 2 and RenewSeconds ≥ 1, at most half of Seconds (a lease must survive one missed renewal).");
        services.AddSingleton(leases);
        services.AddSingleton(NodeIdentity.From(configuration));
        services.AddSingleton<LeaseClaim>();
        services.AddHostedService<LeaseHeartbeat>();
    }

    /// <summary>The scoped context for requests and jobs, and the factory for code that needs
    /// short-lived contexts (portal query services, circuit-scoped writes), both leased from
    /// one pool and bound to the scope's tenant.</summary>
    private static void AddContexts<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : AskProDbContext
    {
        // Interceptors registered as services apply to every context: DirectoryChanges (a save
        // that touches a company's directory drops its cached snapshot), and tests' counters.
        // The pool builds its options once from the root provider, so interceptors are singletons.
        services.AddPooledDbContextFactory<TContext>((sp, o) =>
        {
            configure(o);
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddScoped<PooledContexts<TContext>>();
        services.AddScoped<IDbContextFactory<AskProDbContext>>(sp => sp.GetRequiredService<PooledContexts<TContext>>());
        // The scope disposes its context, which hands it back to the pool.
        services.AddScoped<AskProDbContext>(sp => sp.GetRequiredService<PooledContexts<TContext>>().CreateDbContext());
    }

    /// <summary>The save interceptor that drops a company's directory snapshot, with the stamp it
    /// moves on (on every node, through the node channel) and the snapshots and number index it drops.</summary>
    private static void AddDirectoryChanges(IServiceCollection services, IConfiguration configuration)
    {
        services.AddNodeChannel(configuration);
        services.AddSingleton<CompanyDirectory.DirectoryStamp>();
        services.AddSingleton<CompanyDirectory.DirectorySnapshots>();
        services.AddSingleton<CompanyDirectory.CalledNumberIndex>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, CompanyDirectory.DirectoryChanges>();
    }

    private static readonly SqliteBusyTimeout BusyTimeout = new();

    /// <summary>The default of <see cref="DatabaseOptions.CommandTimeoutSeconds"/>, for callers without options.</summary>
    private const int DefaultCommandTimeout = 30;

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString, int commandTimeoutSeconds = DefaultCommandTimeout)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:") Directory.CreateDirectory(directory);
        o.UseSqlite(builder.ToString(), s => s.MigrationsHistoryTable("__EFMigrationsHistory").CommandTimeout(commandTimeoutSeconds));
        o.AddInterceptors(BusyTimeout, SqliteWriteGate.Instance);
    }

    private static DatabaseRetries Retries(DatabaseOptions options) => new(options.RetryCount, TimeSpan.FromMilliseconds(options.RetryMaxDelayMilliseconds));

    /// <remarks>With the retrying execution strategy (<see cref="PostgresRetries"/>): a single
    /// command or save is retried by EF itself; a store's own transaction runs through
    /// <see cref="UnitOfWork.InTransactionAsync{T}"/>, which redoes the whole unit.</remarks>
    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString, int commandTimeoutSeconds = DefaultCommandTimeout, DatabaseRetries? retries = null)
    {
        var retry = retries ?? DatabaseRetries.Default;
        o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable("__EFMigrationsHistory").CommandTimeout(commandTimeoutSeconds)
            .ExecutionStrategy(dependencies => new PostgresRetries(dependencies, retry.Count, retry.MaxDelay)));
    }

    public static void ConfigureSqlServer(DbContextOptionsBuilder o, string connectionString, int commandTimeoutSeconds = DefaultCommandTimeout, DatabaseRetries? retries = null)
    {
        var retry = retries ?? DatabaseRetries.Default;
        o.UseSqlServer(connectionString, s => s.MigrationsHistoryTable("__EFMigrationsHistory").CommandTimeout(commandTimeoutSeconds)
            .EnableRetryOnFailure(retry.Count, retry.MaxDelay, errorNumbersToAdd: null));
    }
}
