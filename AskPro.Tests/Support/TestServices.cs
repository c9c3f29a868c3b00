using System.Net;
using System.Net.Sockets;

namespace AskPro.Tests.Support;

/// <summary>Finds the real servers the integration tests start (PostgreSQL, Redis, Chromium).
/// Missing binaries skip those tests with a visible reason, unless ASKPRO_REQUIRE_SERVICES=1
/// (CI), where the tests run and fail loudly instead.</summary>
public static class TestServices
{
    public static bool Required => Environment.GetEnvironmentVariable("ASKPRO_REQUIRE_SERVICES") == "1";

    public static string? PostgresBin { get; } = FindPostgresBin();
    public static string? RedisServer { get; } = FindOnPath("redis-server");
    public static string? Chromium { get; } = FindOnPath("chromium") ?? FindOnPath("chromium-browser");

    public static string? SkipUnless(string? binary, string what) =>
        binary is not null || Required ? null : $"{what} not found on this machine (install it, or set ASKPRO_REQUIRE_SERVICES=1 to fail instead of skipping).";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string? FindPostgresBin()
    {
        if (FindOnPath("initdb") is { } initdb && File.Exists(Path.Combine(Path.GetDirectoryName(initdb)!, "postgres")))
            return Path.GetDirectoryName(Path.GetFullPath(ResolveLink(initdb)));
        var root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
    }

    private static string ResolveLink(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
