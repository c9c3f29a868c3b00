using System.Diagnostics;

namespace AskPro.Tests.Support;

/// <summary>A server process the tests started; stopped by its pid when the test run ends, also
/// when the test host is killed rather than ended (as <c>dotnet test</c> does): a watchdog shell
/// started beside each server stops it once the test host is gone.</summary>
public sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ExternalProcess(Process process) => _process = process;

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts the server <paramref name="file"/> and its watchdog; as root, under
    /// <paramref name="runAsWhenRoot"/> (PostgreSQL refuses to run as root).</summary>
    public static ExternalProcess Start(string file, IEnumerable<string> args, string? runAsWhenRoot = null)
    {
        var server = Launch(file, args, runAsWhenRoot);
        Watch(server.Pid);
        // On an orderly exit the server goes at once; the watchdog covers a killed test host.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>Polls the test host and the server each second; when the test host is gone it
    /// asks the server to stop (TERM), and kills it after 10 s. The ProcessExit handler does not
    /// run when the test host is killed, and a parent-death signal (prctl PDEATHSIG) is tied to
    /// the starting thread, a pool thread that may end long before the run does. Its standard
    /// streams are closed at once so it never holds the test host's output pipe open.</summary>
    private static void Watch(int server)
    {
        const string script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" && kill -0 "$2"; do sleep 1; done
            kill -TERM "$2" || exit 0
            for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$2" || exit 0; sleep 1; done
            kill -KILL "$2"
            """;
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var a in new[] { "-c", script, "askpro-test-watchdog", Environment.ProcessId.ToString(), server.ToString() }) info.ArgumentList.Add(a);
        using var _ = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server's watchdog.");
    }

    private static ExternalProcess Launch(string file, IEnumerable<string> args, string? runAsWhenRoot)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
    public static async Task RunAsync(string file, IEnumerable<string> args, string? runAsWhenRoot = null)
    {
        using var process = Launch(file, args, runAsWhenRoot);
        await process._process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process._process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process._process.ExitCode}): {process.Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) if (_output.Length < 64_000) _output.AppendLine(line);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing left to stop.
        }
    }
}
