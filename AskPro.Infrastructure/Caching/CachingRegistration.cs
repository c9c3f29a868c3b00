using AskPro.Core.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        if (!options.Enabled)
        {
            services.AddSingleton<MemoryTenantCache.Store>();
            services.AddScoped<ITenantCache, MemoryTenantCache>();
            return services;
        }

        // StackExchange.Redis 1.x: async calls only, and enough pool threads that its
        // completions are never starved (DEPENDENCIES.md).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        services.AddSingleton(_ =>
        {
            var config = ConfigurationOptions.Parse(options.Configuration!);
            config.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(config);
        });
        services.AddScoped<ITenantCache, RedisTenantCache>();
        health.AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
