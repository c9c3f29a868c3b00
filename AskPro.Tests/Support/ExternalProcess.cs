using System.Diagnostics;

namespace AskPro.Tests.Support;

/// <summary>A server process the tests started; stopped by its pid when the test run ends, also
/// when the test host is killed rather than ended (as <c>dotnet test</c> does): a watchdog shell
/// started beside each server stops it once the test host is gone. Also linked into
/// AskPro.Benchmarks (with <see cref="AppProcess"/>).</summary>
public sealed class ExternalProcess : IDisposable
{
    /// <summary>How a server is ended at the end of the run (signal numbers as on Linux).</summary>
    public enum EndSignal { Kill = 9, Quit = 3 }

    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();
    private EndSignal _endSignal = EndSignal.Kill;

    private ExternalProcess(Process process) => _process = process;

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the server <paramref name="file"/> and its watchdog; as root, under
    /// <paramref name="runAsWhenRoot"/> (PostgreSQL refuses to run as root).</summary>
    /// <param name="environment">Variables set for the server (added to the test host's own).</param>
    /// <param name="workingDirectory">The server's working directory; default: the test host's.</param>
    /// <param name="endSignal">The signal that ends the server at the end (its pid only, never a
    /// tree kill: see <see cref="Dispose"/>); default SIGKILL. PostgreSQL gets SIGQUIT, its
    /// immediate shutdown, which ends the backends before the postmaster exits.</param>
    public static ExternalProcess Start(string file, IEnumerable<string> args, string? runAsWhenRoot = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null, EndSignal endSignal = EndSignal.Kill)
    {
        var server = Launch(file, args, runAsWhenRoot, environment, workingDirectory);
        server._endSignal = endSignal;
        Watch(server.Pid, endSignal == EndSignal.Kill ? "TERM" : endSignal.ToString().ToUpperInvariant());
        // On an orderly exit the server goes at once; the watchdog covers a killed test host.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>Polls the test host and the server each second; when the test host is gone it
    /// asks the server to stop (TERM, or QUIT for PostgreSQL), and kills it after 10 s. The ProcessExit handler does not
    /// run when the test host is killed, and a parent-death signal (prctl PDEATHSIG) is tied to
    /// the starting thread, a pool thread that may end long before the run does. Its standard
    /// streams are closed at once so it never holds the test host's output pipe open.</summary>
    private static void Watch(int server, string stopSignal)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" && kill -0 "$2"; do sleep 1; done
            kill -s "$3" "$2" || exit 0
            for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$2" || exit 0; sleep 1; done
            kill -KILL "$2"
            """;
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var a in new[] { "-c", script, "askpro-test-watchdog", Environment.ProcessId.ToString(), server.ToString(), stopSignal }) info.ArgumentList.Add(a);
        using var _ = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server's watchdog.");
    }

    private static ExternalProcess Launch(string file, IEnumerable<string> args, string? runAsWhenRoot,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) info.WorkingDirectory = workingDirectory;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        if (runAsWhenRoot is not null && Environment.UserName == "root")
        {
            info.FileName = "setpriv";
            foreach (var a in new[] { $"--reuid={runAsWhenRoot}", $"--regid={runAsWhenRoot}", "--init-groups", "--", file }) info.ArgumentList.Add(a);
        }
        else info.FileName = file;
        foreach (var a in args) info.ArgumentList.Add(a);

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var started = new ExternalProcess(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Runs a command to completion and fails with its output when it fails.</summary>
    /// <returns>Its output (standard output and error, the first 64 KB).</returns>
    public static async Task<string> RunAsync(string file, IEnumerable<string> args, string? runAsWhenRoot = null)
    {
        using var process = Launch(file, args, runAsWhenRoot);
        await process._process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process._process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process._process.ExitCode}): {process.Output}");
        return process.Output;
    }

    /// <summary>CPU time the process has used so far (user + kernel, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>SIGKILL to the pid: the process ends at once, mid-write, as in a crash or an
    /// OOM kill (no shutdown hooks, no flushing).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM to the pid (an orderly stop, as systemd or Kubernetes do), then waits;
    /// SIGKILL if it has not ended within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        await RunAsync("kill", ["-TERM", Pid.ToString()]);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(grace);
        }
        catch (TimeoutException)
        {
            await KillAsync();
        }
    }

    public async Task WaitForExitAsync(TimeSpan timeout) => await _process.WaitForExitAsync().WaitAsync(timeout);

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) if (_output.Length < 64_000) _output.AppendLine(line);
    }

    /// <summary>Ends the server with its end signal, by its pid, and waits up to 10 s (then
    /// SIGKILL). Never <c>Process.Kill(entireProcessTree)</c>: on Linux it SIGSTOPs each process
    /// before it kills it, and when the test host is ended in the middle (vstest ends it right
    /// after the run, while these ProcessExit handlers run) a stopped child stays behind for ever:
    /// a stopped process does not notice that its parent died. PostgreSQL's backends end with
    /// their postmaster; redis-server and the app have no children.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited && Signal(Pid, (int)_endSignal) != 0) _process.Kill(entireProcessTree: false);
            if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: false);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing left to stop.
        }
    }

    /// <summary>kill(2): a signal to one pid; 0 when it was sent.</summary>
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Signal(int pid, int signal);
}
