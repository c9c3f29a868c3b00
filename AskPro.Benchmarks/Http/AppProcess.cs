using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AskPro.Benchmarks.Http;

/// <summary>The real app in its own process on a free loopback port: Development environment
/// (demo data, demo Retell key), a fresh SQLite file, Release build. Stopped by its pid.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        Folder = folder;
    }

    public Uri Address { get; }
    public string Folder { get; }
    public string DatabasePath => Path.Combine(Folder, "askpro.db");
    public int ProcessId => _process.Id;

    /// <summary>CPU time the app process has used so far (user + kernel, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "AskPro.Web", "bin", "Release", "net10.0"));
        if (!File.Exists(Path.Combine(web, "AskPro.Web.dll")))
            throw new FileNotFoundException($"Build first: dotnet build -c Release (looked in {web}).");
        var folder = Path.Combine(Path.GetTempPath(), "askpro-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", ["AskPro.Web.dll", "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(folder, "askpro.db")}",
                ["Backup__Directory"] = Path.Combine(folder, "backups"),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Demo__HostFakeRetell"] = "false",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"), folder);

        using var http = new HttpClient { BaseAddress = app.Address };
        for (var i = 0; i < 240; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("The app exited during start-up.");
            try
            {
                if ((await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    await app.SettleAsync();
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250);
        }
        app.Dispose();
        throw new TimeoutException("The app did not become ready within 60 s.");
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still being released: the temp folder is cleaned by the OS */ }
    }
}
