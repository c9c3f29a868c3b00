using System.Text.Json;
using AskPro.Core.Operations;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Operations;
using AskPro.Infrastructure.Operations.Backups;
using AskPro.Infrastructure.Persistence;
using AskPro.Tests.Browser;
using AskPro.Tests.Support;
using AskPro.Web;
using AskPro.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static Microsoft.Playwright.Assertions;

namespace AskPro.Tests.Operations;

/// <summary>Backups are only worth what their restore is: back up the demo through the real
/// scheduler (which drills the backup at once), damage the database, restore with the command,
/// compare the tables' fingerprints with the manifest.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly AppHost _app = new(new() { ["Outbox:DispatcherEnabled"] = "false" }); // no background writer while the file is restored

    private string Live => $"Data Source={_app.DatabasePath}";

    [Fact]
    public async Task The_backup_job_makes_a_drilled_backup_that_restores_the_data()
    {
        var run = await RunBackupJobAsync(_app);

        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.Contains("durch Wiederherstellungsprobe geprüft", run.Message);
        var backup = Assert.Single(Directory.GetFiles(_app.BackupDirectory, "askpro-*.db"));
        Assert.Contains(BackupChecksum.Of(backup), await File.ReadAllTextAsync(backup + ".sha256"));
        var manifest = await BackupManifest.ReadAsync(backup, default);
        Assert.True(manifest.Tables["Appointments"].Rows > 100);
        Assert.True(BackupVerification.TryRead(backup)!.Passed);

        // Damage: appointments and their claims lost.
        await DeleteAppointmentsAsync(_app);
        var live = new SqliteDatabaseBackup(Live);
        Assert.Equal(0, live.FingerprintLive()["Appointments"].Rows);

        Assert.Equal(2, await RestoreCommand.RunAsync([backup])); // refuses without --yes
        Assert.Equal(0, live.FingerprintLive()["Appointments"].Rows);
        Assert.Equal(0, await RestoreCommand.RunAsync([backup, "--yes", $"--Database:ConnectionString={Live}"]));

        var restored = live.FingerprintLive();
        foreach (var table in (string[])["Appointments", "SlotClaims", "Customers", "Companies", "AspNetUsers"])
            Assert.Equal(manifest.Tables[table], restored[table]); // same rows, same content
    }

    [Fact]
    public async Task A_backup_with_flipped_bytes_fails_its_drill_and_is_not_restored()
    {
        _ = _app.BaseAddress; // starts the app: migrated and seeded
        var backup = await new SqliteDatabaseBackup(Live).CreateAsync(_app.BackupDirectory, DateTime.UtcNow, default);
        var before = new SqliteDatabaseBackup(Live).FingerprintLive();
        FlipBytes(backup.Path);

        var drill = await new SqliteDatabaseBackup(Live).DrillAsync(backup.Path, DateTime.UtcNow, default);
        Assert.False(drill.Passed);
        Assert.Contains("stimmt nicht mit ihrer .sha256-Datei überein", drill.Detail);
        Assert.False(BackupVerification.TryRead(backup.Path)!.Passed); // stored for the health page

        Assert.Equal(1, await RestoreCommand.RunAsync([backup.Path, "--yes", $"--Database:ConnectionString={Live}"]));
        Assert.Equal(before["Appointments"], new SqliteDatabaseBackup(Live).FingerprintLive()["Appointments"]);
    }

    [Fact]
    public async Task The_drill_compares_content_not_only_the_checksum_file()
    {
        _ = _app.BaseAddress;
        var sqlite = new SqliteDatabaseBackup(Live);
        var backup = await sqlite.CreateAsync(_app.BackupDirectory, DateTime.UtcNow, default);
        Assert.True((await sqlite.DrillAsync(backup.Path, DateTime.UtcNow, default)).Passed);

        // A manifest that claims other content than the file holds: the restored copy disagrees.
        var manifest = await BackupManifest.ReadAsync(backup.Path, default);
        var tables = manifest.Tables.ToDictionary();
        tables["Appointments"] = tables["Appointments"] with { Checksum = new string('0', 64) };
        tables["Customers"] = tables["Customers"] with { Rows = tables["Customers"].Rows + 1 };
        await BackupManifest.WriteAsync(backup.Path, manifest with { Tables = tables }, default);

        var drill = await sqlite.DrillAsync(backup.Path, DateTime.UtcNow, default);
        Assert.False(drill.Passed);
        Assert.Contains("Appointments: Prüfsumme weicht ab", drill.Detail);
        Assert.Contains($"Customers: Zeilen {tables["Customers"].Rows}≠{tables["Customers"].Rows - 1}", drill.Detail);
    }

    [BrowserFact]
    public async Task The_health_page_lists_backups_with_size_and_drill_result()
    {
        var run = await RunBackupJobAsync(_app);
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        var sqlite = new SqliteDatabaseBackup(Live);
        var broken = await sqlite.CreateAsync(_app.BackupDirectory, DateTime.UtcNow.AddDays(1), default);
        FlipBytes(broken.Path);
        await sqlite.DrillAsync(broken.Path, DateTime.UtcNow, default);

        await using var browser = await BrowserSession.StartAsync(_app.BaseAddress);
        var page = browser.Page;
        await browser.LogInAsync(DemoData.PlatformEmail, DemoData.PlatformPassword);
        await browser.WaitForCircuitAsync();
        await page.GotoAsync("/operations/health");
        await browser.WaitForCircuitAsync();

        var list = page.GetByTestId("health-backups");
        var good = list.Locator("tr", new() { HasText = Path.GetFileName(Assert.Single(Directory.GetFiles(_app.BackupDirectory, "askpro-*.db"), f => f != broken.Path)) });
        await Expect(good.GetByTestId("backup-drill")).ToContainTextAsync("in Ordnung");
        await Expect(good).ToContainTextAsync(" MB");
        var bad = list.Locator("tr", new() { HasText = Path.GetFileName(broken.Path) });
        await Expect(bad.GetByTestId("backup-drill")).ToContainTextAsync("fehlgeschlagen");
        await Expect(bad.GetByTestId("backup-drill")).ToContainTextAsync("stimmt nicht mit ihrer .sha256-Datei überein");
        await browser.ScreenshotAsync("11b-platform-health-backups");
    }

    /// <summary>Flips bytes in the middle of the file, as a bad disk or a truncated copy would.</summary>
    internal static void FlipBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        for (var i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++) bytes[i] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }

    internal static async Task DeleteAppointmentsAsync(AppHost app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: simulate data loss");
        var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
        await db.SlotClaims.ExecuteDeleteAsync();
        await db.Appointments.ExecuteDeleteAsync();
    }

    /// <summary>Triggers the backup job through the real scheduler and waits for its recorded run.</summary>
    internal static async Task<JobRun> RunBackupJobAsync(AppHost app)
    {
        _ = app.BaseAddress; // starts the app: migrated and seeded
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(BackupJob.Key, new JobDataMap(), CancellationToken.None);
        for (var i = 0; i < 600; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope("test: read job runs");
            var db = scope.ServiceProvider.GetRequiredService<AskProDbContext>();
            var run = await db.JobRuns.AsNoTracking().Where(r => r.Job == "BackupJob" && r.Outcome != JobOutcome.Running).FirstOrDefaultAsync();
            if (run is not null) return run;
            await Task.Delay(100);
        }
        throw new TimeoutException("The backup job did not finish within 60 s.");
    }

    public void Dispose() => _app.Dispose();
}
