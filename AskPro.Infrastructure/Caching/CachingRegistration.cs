using AskPro.Core.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AskPro.Infrastructure.Caching;

public static class CachingRegistration
{
    /// <summary>Redis when "Redis:Configuration" is set, otherwise in-process stores.</summary>
    public static IServiceCollection AddAskProCaching(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder health)
    {
        var options = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddSingleton(options);
        services.AddNodeChannel(configuration);
        if (!options.Enabled)
        {
            services.AddSingleton<MemoryTenantCache.Store>();
            services.AddScoped<ITenantCache, MemoryTenantCache>();
            return services;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(Connection(options.Configuration!)));
        services.AddScoped<ITenantCache, RedisTenantCache>();
        health.AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded, ["ready"]);
        return services;
    }

    /// <summary>The node channel: Redis pub/sub when Redis is configured, otherwise in-process.
    /// Registered with the persistence (its save interceptor publishes on it) as well as here.</summary>
    public static IServiceCollection AddNodeChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        if (options.Enabled) services.TryAddSingleton<INodeChannel, RedisNodeChannel>();
        else services.TryAddSingleton<INodeChannel, InProcessNodeChannel>();
        return services;
    }

    /// <summary>The app starts while Redis is down and the client keeps reconnecting in the
    /// background (backing off up to 10 s). Meanwhile commands fail at once instead of queueing
    /// until their timeout (the client's default backlog): everything built on Redis then
    /// degrades to the database without making callers wait.</summary>
    internal static ConfigurationOptions Connection(string configuration)
    {
        var config = ConfigurationOptions.Parse(configuration);
        config.AbortOnConnectFail = false;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 10_000);
        return config;
    }
}
