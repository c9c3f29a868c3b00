using System.Diagnostics;
using System.Net;
using AskPro.Tests.Support;
using Microsoft.Data.Sqlite;

namespace AskPro.Tests.Operations.CrashRecovery;

/// <summary>The child-process app the crash and two-node tests stand on: it really is its own
/// process, SIGKILL ends it at once, and a restart comes up on the same installation (same
/// address, same database, demo not seeded twice).</summary>
public sealed class AppProcessTests
{
    [Fact]
    public async Task The_app_runs_as_its_own_process_dies_on_sigkill_and_restarts_on_the_same_data()
    {
        using var app = await AppProcess.StartAsync();
        Assert.NotEqual(Environment.ProcessId, app.ProcessId);
        Assert.Equal("dotnet", Process.GetProcessById(app.ProcessId).ProcessName);
        var companies = Count(app.DatabasePath, "Companies");
        Assert.True(companies > 0, "the demo is seeded");

        var pid = app.ProcessId;
        await app.KillAsync();
        Assert.True(app.HasExited);
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("health/live"));

        await app.RestartAsync();
        Assert.NotEqual(pid, app.ProcessId);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/ready")).StatusCode);
        Assert.Equal(companies, Count(app.DatabasePath, "Companies"));

        await app.StopAsync();
        Assert.True(app.HasExited);
    }

    [Fact]
    public async Task A_child_that_exits_during_start_up_fails_the_start_at_once_with_its_output()
    {
        // An unknown provider makes the app's configuration binding throw before it listens.
        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AppProcess.StartAsync(new Dictionary<string, string> { ["Database:Provider"] = "KeineDatenbank" }));
        Assert.Contains("exited during start-up", failure.Message);
        Assert.Contains("KeineDatenbank", failure.Message); // the child's own output, not only ours
        Assert.True(clock.Elapsed < AppProcess.StallLimit, $"the exit was noticed after {clock.Elapsed.TotalSeconds:0} s, not at once");
    }

    [Fact]
    public void Start_up_progress_is_cpu_gained_a_child_without_any_for_the_limit_counts_as_stalled()
    {
        var progress = new AppProcess.StartProgress();
        Assert.Equal(TimeSpan.Zero, progress.StalledFor(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(40), progress.StalledFor(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(41)));
        Assert.Equal(TimeSpan.Zero, progress.StalledFor(TimeSpan.FromMilliseconds(310), TimeSpan.FromSeconds(50)));
        Assert.True(progress.StalledFor(TimeSpan.FromMilliseconds(310), TimeSpan.FromSeconds(50) + AppProcess.StallLimit) >= AppProcess.StallLimit);
    }

    private static long Count(string databasePath, string table)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\""; // table names from this file only
        return (long)command.ExecuteScalar()!;
    }
}
