using Npgsql;

namespace AskPro.Tests.Support;

/// <summary>One throwaway PostgreSQL server per test run: initdb into a temp folder, started on
/// a free loopback port, stopped by pid at the end. Each test gets its own database.</summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(int port) => Port = port;

    public int Port { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

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

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = TestServices.PostgresBin ?? throw new InvalidOperationException("PostgreSQL binaries are required (ASKPRO_REQUIRE_SERVICES=1) but initdb was not found.");
        var data = TestServices.NewTempDirectory("askpro-pg");
        const string user = "postgres";
        if (Environment.UserName == "root") await ExternalProcess.RunAsync("chown", ["-R", $"{user}:{user}", data]);

        await ExternalProcess.RunAsync(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], user);
        var port = TestServices.FreePort();
        var server = ExternalProcess.Start(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(), "-k", data, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
             "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=1000", "-c", "shared_buffers=128MB"], user);

        var postgres = new PostgresServer(port);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (server.HasExited) throw new InvalidOperationException("PostgreSQL exited: " + server.Output);
            try
            {
                await using var connection = new NpgsqlConnection(postgres.ConnectionString("postgres"));
                await connection.OpenAsync();
                return postgres;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(200);
            }
        }
        throw new TimeoutException("PostgreSQL did not accept connections within 30 s: " + server.Output);
    }
}
