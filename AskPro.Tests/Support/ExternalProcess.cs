using System.Diagnostics;

namespace AskPro.Tests.Support;

/// <summary>A server process the tests started; stopped by its pid when the test run ends.</summary>
public sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ExternalProcess(Process process) => _process = process;

    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts <paramref name="file"/>; as root, under <paramref name="runAsWhenRoot"/>
    /// (PostgreSQL refuses to run as root).</summary>
    public static ExternalProcess Start(string file, IEnumerable<string> args, string? runAsWhenRoot = null)
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
        AppDomain.CurrentDomain.ProcessExit += (_, _) => started.Dispose();
        return started;
    }

    /// <summary>Runs a command to completion and fails with its output when it fails.</summary>
    public static async Task RunAsync(string file, IEnumerable<string> args, string? runAsWhenRoot = null)
    {
        using var process = Start(file, args, runAsWhenRoot);
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
