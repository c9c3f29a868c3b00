using StackExchange.Redis;

namespace AskPro.Tests.Support;

/// <summary>One throwaway redis-server per test run on a free loopback port, no persistence.</summary>
public sealed class RedisServer
{
    private static readonly Lazy<Task<RedisServer>> Shared = new(StartAsync);

    private RedisServer(int port) => Port = port;

    public int Port { get; }
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    public static Task<RedisServer> GetAsync() => Shared.Value;

    /// <summary>A redis-server of the caller's own on <paramref name="port"/> (the caller stops it).</summary>
    /// <param name="dataDirectory">With a folder, the server keeps its data there (append-only
    /// file, every write synced) and comes back with it after a restart, as a production Redis
    /// with persistence does; without, it starts empty each time.</param>
    public static ExternalProcess StartOwn(int port, string? dataDirectory = null)
    {
        var binary = TestServices.RedisServer ?? throw new InvalidOperationException("redis-server is required (ASKPRO_REQUIRE_SERVICES=1) but was not found.");
        string[] persistence = dataDirectory is null
            ? ["--appendonly", "no"]
            : ["--appendonly", "yes", "--appendfsync", "always", "--dir", dataDirectory];
        return ExternalProcess.Start(binary,
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", .. persistence, "--daemonize", "no"]);
    }

    /// <summary>Waits until nothing listens on <paramref name="port"/> any more.</summary>
    public static async Task WaitUntilDownAsync(int port)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"redis-server on port {port} did not stop.");
    }

    private static async Task<RedisServer> StartAsync()
    {
        var port = TestServices.FreePort();
        var process = StartOwn(port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException("redis-server exited: " + process.Output);
            try
            {
                using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
                await connection.GetDatabase().PingAsync();
                return new RedisServer(port);
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("redis-server did not answer within 10 s: " + process.Output);
    }
}
