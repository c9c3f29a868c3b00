using AskPro.Core.Operations;
using AskPro.Infrastructure.Operations.Backups;
using AskPro.Tests.Support;
using AskPro.Web;
using Npgsql;

namespace AskPro.Tests.Operations;

/// <summary>PostgreSQL backups against the real server: pg_dump -Fc by the scheduled job, the
/// drill in a scratch database, pg_restore --clean over damaged data.</summary>
public sealed class PostgresBackupTests
{
    [PostgresFact]
    public async Task Pg_dump_backup_is_drilled_and_pg_restore_brings_the_data_back()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync();
        using var app = new AppHost(new()
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = database,
            ["Outbox:DispatcherEnabled"] = "false",
        });

        var run = await BackupTests.RunBackupJobAsync(app);
        Assert.True(run.Outcome == JobOutcome.Succeeded, run.Message);
        var dump = Assert.Single(Directory.GetFiles(app.BackupDirectory, "askpro-*.dump"));
        Assert.Equal("PGDMP"u8.ToArray(), File.ReadAllBytes(dump)[..5]); // pg_dump's custom format
        Assert.Contains(BackupChecksum.Of(dump), await File.ReadAllTextAsync(dump + ".sha256"));
        var manifest = await BackupManifest.ReadAsync(dump, default);
        Assert.True(manifest.Tables["Appointments"].Rows > 100);
        Assert.True(BackupVerification.TryRead(dump)!.Passed);
        Assert.Equal(0, await DrillDatabasesLeftAsync(postgres)); // the scratch database was dropped

        await BackupTests.DeleteAppointmentsAsync(app);
        var live = new PostgresDatabaseBackup(database, null);
        Assert.Equal(0, (await live.FingerprintLiveAsync(default))["Appointments"].Rows);

        Assert.Equal(0, await RestoreCommand.RunAsync([dump, "--yes", "--Database:Provider=Postgres", $"--Database:ConnectionString={database}"]));
        NpgsqlConnection.ClearAllPools(); // the app's pooled connections point at dropped tables' old plans
        var restored = await live.FingerprintLiveAsync(default);
        foreach (var table in (string[])["Appointments", "SlotClaims", "Customers", "Companies", "AspNetUsers"])
            Assert.Equal(manifest.Tables[table], restored[table]); // same rows, same content

        // The restored database still backs up and drills.
        Assert.True((await live.DrillAsync(dump, DateTime.UtcNow, default)).Passed);

        // Corrupted on disk: the drill fails with the reason and the command refuses it.
        BackupTests.FlipBytes(dump);
        var drill = await live.DrillAsync(dump, DateTime.UtcNow, default);
        Assert.False(drill.Passed);
        Assert.Contains("stimmt nicht mit ihrer .sha256-Datei überein", drill.Detail);
        Assert.Equal(1, await RestoreCommand.RunAsync([dump, "--yes", "--Database:Provider=Postgres", $"--Database:ConnectionString={database}"]));

        // Corrupted before its checksum was taken: pg_restore itself fails in the scratch database.
        BackupChecksum.Write(dump);
        var broken = await live.DrillAsync(dump, DateTime.UtcNow, default);
        Assert.False(broken.Passed, broken.Detail);
        Assert.Equal(0, await DrillDatabasesLeftAsync(postgres));
    }

    private static async Task<long> DrillDatabasesLeftAsync(PostgresServer postgres)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'askpro_drill_%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
