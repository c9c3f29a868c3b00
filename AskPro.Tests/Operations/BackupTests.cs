using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Support;
using AskPro.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AskPro.Tests.Operations;

/// <summary>Backups are only worth what their restore is: back up the demo through the real
/// scheduler, damage the database, restore with the command, compare row counts.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly AppHost _app = new(new() { ["Outbox:DispatcherEnabled"] = "false" }); // no background writer while the file is restored

    [Fact]
    public async Task The_backup_job_makes_a_verified_backup_that_restores_to_identical_row_counts()
    {
        _ = _app.BaseAddress; // starts the app: migrated and seeded
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(BackupJob.Key, new JobDataMap(), CancellationToken.None);
        var run = await WaitForRunAsync();

        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.Contains("verified", run.Message);
        var backup = Assert.Single(Directory.GetFiles(_app.BackupDirectory, "askpro-*.db"));
        Assert.Contains(SqliteBackup.Sha256Of(backup), await File.ReadAllTextAsync(backup + ".sha256"));

        var live = $"Data Source={_app.DatabasePath}";
        var before = SqliteBackup.RowCounts(live);
        Assert.True(before["Appointments"] > 100);

        // Damage: appointments and their claims lost.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: simulate data loss");
            var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            await db.SlotClaims.ExecuteDeleteAsync();
            await db.Appointments.ExecuteDeleteAsync();
        }
        Assert.Equal(0, SqliteBackup.RowCounts(live)["Appointments"]);

        Assert.Equal(2, RestoreCommand.Run([backup])); // refuses without --yes
        Assert.Equal(0, SqliteBackup.RowCounts(live)["Appointments"]);
        Assert.Equal(0, RestoreCommand.Run([backup, "--yes", $"--Database:ConnectionString={live}"]));

        Assert.Equal(before, SqliteBackup.RowCounts(live));
    }

    [Fact]
    public void A_tampered_backup_is_refused()
    {
        var folder = TestServices.NewTempDirectory("askpro-backup");
        var source = Path.Combine(folder, "live.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={source}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t(x); INSERT INTO t VALUES (1);";
            command.ExecuteNonQuery();
        }
        var backup = SqliteBackup.Create($"Data Source={source}", folder, DateTime.UtcNow);
        File.AppendAllText(backup.Path, "tampered");

        Assert.Throws<InvalidDataException>(() => SqliteBackup.Restore(backup.Path, $"Data Source={source}"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<JobRun> WaitForRunAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: read job runs");
            var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == "BackupJob" && r.Outcome != JobOutcome.Running).FirstOrDefaultAsync();
            if (run is not null) return run;
            await Task.Delay(100);
        }
        throw new TimeoutException("The backup job did not finish within 20 s.");
    }

    public void Dispose() => _app.Dispose();
}
