using System.Diagnostics;
using System.Net;

namespace AskPro.Tests.Support;

/// <summary>The real app as its own child process (<c>dotnet AskPro.Web.dll</c> from the build
/// output of the same configuration as the caller) on a free loopback port: Development
/// environment (demo data, demo Retell key), by default a fresh SQLite file in its own folder.
/// Stopped (SIGTERM) or killed (SIGKILL) by its pid and started again on the same folder, port
/// and settings: a crash and restart of "the same installation". Shared by the tests
/// (crash recovery, two nodes) and AskPro.Benchmarks (a linked source file).</summary>
public sealed class AppProcess : IDisposable
{
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly bool _ownsFolder;
    private ExternalProcess _process;

    private AppProcess(ExternalProcess process, Uri address, string folder, bool ownsFolder, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        Address = address;
        Folder = folder;
        _ownsFolder = ownsFolder;
        _environment = environment;
    }

    public Uri Address { get; }
    /// <summary>The installation's folder: SQLite database, backups, data protection keys.</summary>
    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "askpro.db");
    public int ProcessId => _process.Pid;
    public bool HasExited => _process.HasExited;
    /// <summary>The process's console output (the first 64 KB), for failure messages.</summary>
    public string Output => _process.Output;
    /// <summary>CPU time the app process has used so far (user + kernel, all threads).</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    /// <summary>Starts the app and waits until <c>/health/ready</c> answers 200.</summary>
    /// <param name="settings">Configuration, keys as in appsettings (<c>Database:Provider</c>) or
    /// as environment variables (<c>Database__Provider</c>); they win over the defaults here.</param>
    /// <param name="folder">An existing installation folder to start on (left in place at the
    /// end); default: a new temp folder, deleted on <see cref="Dispose"/>.</param>
    /// <param name="port">A fixed loopback port; 0 picks a free one.</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, string? folder = null, int port = 0)
    {
        var ownsFolder = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "askpro-app-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (port == 0) port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "askpro.db")}",
            ["Backup__Directory"] = Path.Combine(folder, "backups"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Demo__HostFakeRetell"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key.Replace(":", "__")] = value;

        var address = new Uri($"http://127.0.0.1:{port}/");
        var app = new AppProcess(Launch(environment), address, folder, ownsFolder, environment);
        try
        {
            await app.WaitUntilReadyAsync(StartCeiling);
        }
        catch
        {
            app.Dispose();
            throw;
        }
        return app;
    }

    /// <summary>SIGKILL to the app's pid; it ends at once, whatever it was doing.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>SIGTERM to the app's pid and waits for its orderly shutdown (SIGKILL after 30 s).</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>Starts the app again on the same folder, port and settings (after
    /// <see cref="KillAsync"/> or <see cref="StopAsync"/>) and waits until it is ready.</summary>
    /// <param name="timeout">The ceiling for the wait (default <see cref="StartCeiling"/>).</param>
    /// <returns>The time from the call until ready.</returns>
    public async Task<TimeSpan> RestartAsync(TimeSpan? timeout = null)
    {
        if (!_process.HasExited) throw new InvalidOperationException("The app is still running: kill or stop it first.");
        var started = Stopwatch.StartNew();
        _process.Dispose();
        _process = Launch(_environment);
        await WaitUntilReadyAsync(timeout ?? StartCeiling);
        return started.Elapsed;
    }

    /// <summary>Waits until one-off work is over: after start-up the delivery of the demo
    /// seeding's ~1,000 events, after a warm-up the runtime's tiered JIT recompiling the hot
    /// methods (a profile showed it as ¾ of the "idle" CPU). Measuring during either would charge
    /// that work to the first phases' requests.</summary>
    public async Task SettleAsync()
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(180))
        {
            var before = CpuTime;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var share = (CpuTime - before).TotalMilliseconds / 2000;
            if (share < 0.10)
            {
                Console.WriteLine($"App settled {started.Elapsed.TotalSeconds:0} s after ready ({share * 100:0.0} % of a core over 2 s).");
                return;
            }
        }
        Console.WriteLine("App did not settle below 10 % of a core within 180 s; measuring anyway.");
    }

    private static ExternalProcess Launch(IReadOnlyDictionary<string, string> environment)
    {
        var web = WebBuildOutput();
        return ExternalProcess.Start("dotnet", ["AskPro.Web.dll"], environment: environment, workingDirectory: web);
    }

    /// <summary>AskPro.Web's own build output in the caller's configuration: the caller lives in
    /// <c>&lt;repo&gt;/&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0/</c> and references AskPro.Web, so it was built too.</summary>
    private static string WebBuildOutput()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var repository = output.Parent.Parent!.Parent!.Parent!.FullName;
        var web = Path.Combine(repository, "AskPro.Web", "bin", configuration, output.Name);
        return File.Exists(Path.Combine(web, "AskPro.Web.dll"))
            ? web
            : throw new FileNotFoundException($"AskPro.Web is not built in {configuration} (looked in {web}).");
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 while the child is alive and making
    /// progress: it fails at once when the child exits, and when it has used no CPU for
    /// <see cref="StallLimit"/> (hung, not slow); <paramref name="ceiling"/> only bounds a child
    /// that keeps working without ever getting ready. A fixed short timeout failed twice on a
    /// machine at load 30–40, where a healthy start took longer than 90 s.</summary>
    private async Task WaitUntilReadyAsync(TimeSpan ceiling)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var progress = new StartProgress();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // listening, but not answering yet (start-up work)
            }
            if (RunningCpuTime() is not { } cpu)
                throw new InvalidOperationException($"The app exited during start-up after {clock.Elapsed.TotalSeconds:0} s: " + Output);
            var stalled = progress.StalledFor(cpu, clock.Elapsed);
            if (stalled >= StallLimit)
                throw new TimeoutException($"The app used no CPU for {stalled.TotalSeconds:0} s of its start-up (hung) and is not ready after {clock.Elapsed.TotalSeconds:0} s: " + Output);
            if (clock.Elapsed >= ceiling)
                throw new TimeoutException($"The app kept working but did not become ready within {ceiling.TotalSeconds:0} s: " + Output);
            await Task.Delay(200);
        }
    }

    /// <summary>The child's CPU time, or null once it has exited.</summary>
    private TimeSpan? RunningCpuTime()
    {
        if (_process.HasExited) return null;
        try
        {
            return CpuTime;
        }
        catch (InvalidOperationException) when (_process.HasExited)
        {
            return null; // it exited between the two looks
        }
    }

    /// <summary>The longest a start-up may take while the child keeps working.</summary>
    public static readonly TimeSpan StartCeiling = TimeSpan.FromMinutes(10);

    /// <summary>How long a starting child may use no CPU at all before it counts as hung.</summary>
    public static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    /// <summary>When the child last used CPU: progress is any CPU time gained since the last look.</summary>
    internal sealed class StartProgress
    {
        private TimeSpan _cpu = TimeSpan.MinValue;
        private TimeSpan _lastProgressAt = TimeSpan.Zero;

        /// <summary>How long the child has gone without using CPU, as of <paramref name="now"/>.</summary>
        public TimeSpan StalledFor(TimeSpan cpu, TimeSpan now)
        {
            if (cpu > _cpu)
            {
                _cpu = cpu;
                _lastProgressAt = now;
            }
            return now - _lastProgressAt;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _process.Dispose();
        if (!_ownsFolder) return;
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still being released: the temp folder is cleaned by the OS */ }
    }
}
