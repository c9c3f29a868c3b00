using AskPro.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace AskPro.Infrastructure.Operations;

public static class SchedulingRegistration
{
    /// <summary>Quartz in-process: RAM store by default, the clustered PostgreSQL store when
    /// configured. Jobs are registered here, one line each.</summary>
    public static IServiceCollection AddAskProScheduler(this IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder health)
    {
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var backup = configuration.GetSection(BackupOptions.Section).Get<BackupOptions>() ?? new BackupOptions();
        var calCom = configuration.GetSection(Calendars.CalCom.CalComOptions.Section).Get<Calendars.CalCom.CalComOptions>() ?? new Calendars.CalCom.CalComOptions();
        services.AddSingleton(options);
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section))
            .Validate(b => b.Keep >= 1 && CronExpression.TryParse(b.Cron, out _), "Backup: Keep ≥ 1 and a valid Quartz cron expression.")
            .ValidateOnStart();

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "AskPro");
            if (options.Store == JobStore.Postgres)
            {
                var connection = options.ConnectionString
                    ?? configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()!.ConnectionString;
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(connection);
                    store.ProvisionSchema();
                    store.UseClustering(c => c.Enabled = true);
                });
            }

            q.AddJob<Booking.HoldCleanupJob>(j => j.WithIdentity(Booking.HoldCleanupJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Booking.HoldCleanupJob.Key).WithIdentity("hold-cleanup-5min", "scheduling")
                .WithSchedule(CronScheduleBuilder.Create("0 0/5 * * * ?")));

            q.AddJob<LeaseSweeperJob>(j => j.WithIdentity(LeaseSweeperJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(LeaseSweeperJob.Key).WithIdentity("lease-sweeper-10s", "webhooks")
                .WithSchedule(CronScheduleBuilder.Create(LeaseSweeperJob.Cron)));

            q.AddJob<Calendars.CalCom.BookingReconciliationJob>(j => j.WithIdentity(Calendars.CalCom.BookingReconciliationJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Calendars.CalCom.BookingReconciliationJob.Key).WithIdentity("booking-reconciliation-5min", "calendars")
                .WithSchedule(CronScheduleBuilder.Create("0 0/5 * * * ?")));

            q.AddJob<Calendars.CalCom.CacheWarmupJob>(j => j.WithIdentity(Calendars.CalCom.CacheWarmupJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Calendars.CalCom.CacheWarmupJob.Key).WithIdentity("cache-warmup-hourly", "calendars")
                .WithSchedule(CronScheduleBuilder.Create(calCom.WarmupCron)));
            if (calCom.WarmupOnStart)
                q.AddTrigger(t => t.ForJob(Calendars.CalCom.CacheWarmupJob.Key).WithIdentity("cache-warmup-start", "calendars").StartNow());

            q.AddJob<Notifications.ReminderJob>(j => j.WithIdentity(Notifications.ReminderJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(Notifications.ReminderJob.Key).WithIdentity("reminders-5min", "notifications")
                .WithSchedule(CronScheduleBuilder.Create("0 0/5 * * * ?")));

            q.AddJob<BackupJob>(j => j.WithIdentity(BackupJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(BackupJob.Key).WithIdentity("backup-nightly", "operations")
                .WithSchedule(CronScheduleBuilder.Create(backup.Cron)
                    .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(backup.TimeZoneId))));
        });
        // Clustered: a second node must not add the same triggers again (DEPENDENCIES.md).
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        // Started with the host, not after it: the app reports ready only once jobs can run.
        if (options.Enabled) services.AddQuartzHostedService(o => { o.WaitForJobsToComplete = true; o.AwaitApplicationStarted = false; });

        health.AddCheck<SchedulerHealthCheck>("scheduler", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }
}
