using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Scheduling;
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
                services.AddDbContext<AskProDbContext, PostgresAskProDbContext>(o => ConfigurePostgres(o, options.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AskProDbContext, SqlServerAskProDbContext>(o => ConfigureSqlServer(o, options.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                services.AddDbContext<AskProDbContext, SqliteAskProDbContext>(o => ConfigureSqlite(o, options.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
                break;
        }

        services.AddScoped<AskProDbContextFactory>();
        services.AddScoped<IBookingStore, AppointmentStore>();
        services.AddScoped<BookAppointment>();
        services.AddScoped<Core.Customers.ICustomerStore, Customers.CustomerStore>();
        services.AddScoped<Core.Customers.FindOrCreateCustomer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static readonly SqliteBusyTimeout BusyTimeout = new();

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 30 };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:") Directory.CreateDirectory(directory);
        o.UseSqlite(builder.ToString(), s => s.MigrationsHistoryTable("__EFMigrationsHistory"));
        o.AddInterceptors(BusyTimeout);
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable("__EFMigrationsHistory"));

    public static void ConfigureSqlServer(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlServer(connectionString, s => s.MigrationsHistoryTable("__EFMigrationsHistory"));
}
