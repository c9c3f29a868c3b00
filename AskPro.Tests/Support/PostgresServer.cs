using Npgsql;

namespace AskPro.Tests.Support;

/// <summary>One throwaway PostgreSQL server per test run: initdb into a temp folder, started on
/// a free loopback port, stopped by pid at the end. Each test gets its own database.</summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => StartAsync(durable: false));

    private readonly string _data;
    private ExternalProcess _process;

    private readonly bool _durable;

    private PostgresServer(int port, string data, bool durable, ExternalProcess process) => (Port, _data, _durable, _process) = (port, data, durable, process);

    public int Port { get; }
    public int ProcessId => _process.Pid;
    public bool HasExited => _process.HasExited;

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A server of the caller's own (the fault tests kill and start it), with
    /// synchronous commits: an acknowledged commit survives the kill, as in production.</summary>
    public static Task<PostgresServer> StartOwnAsync() => StartAsync(durable: true);

    /// <summary>SIGQUIT to the postmaster's pid: PostgreSQL's immediate shutdown, every
    /// connection dropped at once and crash recovery on the next start, as when the server dies.
    /// Returns once the postmaster and every process it started (backends, checkpointer, …) are
    /// gone: they run in their own process groups and would outlive a postmaster that died first.</summary>
    public async Task KillAsync()
    {
        if (ExternalProcess.Signal(ProcessId, (int)ExternalProcess.EndSignal.Quit) != 0 && !_process.HasExited)
            throw new InvalidOperationException($"SIGQUIT to PostgreSQL ({ProcessId}) failed.");
        await _process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        await WaitUntilNoProcessLeftAsync();
    }

    /// <summary>Ends the server (immediate shutdown) with all its processes and deletes its data folder.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited) await KillAsync();
        else await WaitUntilNoProcessLeftAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>The pids of the processes working in this server's data folder: the postmaster
    /// and every child it started (PostgreSQL makes the data folder their working directory),
    /// including children whose postmaster is gone.</summary>
    public IReadOnlyList<int> Processes() => ProcessesWorkingIn(_data);

    private static IReadOnlyList<int> ProcessesWorkingIn(string directory)
    {
        var pids = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid)) continue;
            try
            {
                if (new DirectoryInfo(Path.Combine(entry, "cwd")).LinkTarget is { } cwd && Path.TrimEndingDirectorySeparator(cwd) == Path.TrimEndingDirectorySeparator(directory)) pids.Add(pid);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile, or is not ours to look at: not one of this server's.
            }
        }
        return pids;
    }

    private async Task WaitUntilNoProcessLeftAsync()
    {
        // Not Eventually: this file is linked into AskPro.Benchmarks too.
        for (var attempt = 0; Processes() is { Count: > 0 } left; attempt++)
        {
            if (attempt == 300) throw new TimeoutException($"PostgreSQL processes {string.Join(", ", left)} outlived their postmaster by 15 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>Starts the server again on the same data folder and port.</summary>
    public async Task RestartAsync()
    {
        if (!_process.HasExited) throw new InvalidOperationException("PostgreSQL is still running: kill it first.");
        _process.Dispose();
        _process = Launch(_data, Port, _durable);
        await WaitUntilAcceptingAsync();
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=200;Timeout=30;Command Timeout=60";

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"askpro_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync(bool durable)
    {
        var bin = TestServices.PostgresBin ?? throw new InvalidOperationException("PostgreSQL binaries are required (ASKPRO_REQUIRE_SERVICES=1) but initdb was not found.");
        var data = TestServices.NewTempDirectory("askpro-pg");
        const string user = "postgres";
        if (Environment.UserName == "root") await ExternalProcess.RunAsync("chown", ["-R", $"{user}:{user}", data]);

        await ExternalProcess.RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], user);
        var port = TestServices.FreePort();
        var postgres = new PostgresServer(port, data, durable, Launch(data, port, durable));
        await postgres.WaitUntilAcceptingAsync();
        return postgres;
    }

    /// <summary>Not durable: the shared server trades crash safety for speed (fsync and
    /// synchronous commits off); a killed server would lose acknowledged commits.</summary>
    private static ExternalProcess Launch(string data, int port, bool durable) =>
        ExternalProcess.Start(Path.Combine(TestServices.PostgresBin!, "postgres"),
            ["-D", data, "-p", port.ToString(), "-k", data, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
             "-c", durable ? "synchronous_commit=on" : "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=1000", "-c", "shared_buffers=128MB"], "postgres",
            endSignal: ExternalProcess.EndSignal.Quit);

    private async Task WaitUntilAcceptingAsync()
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (_process.HasExited) throw new InvalidOperationException("PostgreSQL exited: " + _process.Output);
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException("PostgreSQL did not accept connections within 30 s: " + _process.Output);
    }
}
