using Microsoft.Data.SqlClient;

namespace AskPro.Tests.Support;

/// <summary>A SQL Server someone else runs: no engine can be installed on these machines, so the
/// SQL Server suites run only when ASKPRO_SQLSERVER holds a connection string (a login that may
/// create databases). Each test gets its own database; all of them are dropped when the run ends.</summary>
public static class SqlServerServer
{
    public const string Variable = "ASKPRO_SQLSERVER";

    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static readonly List<string> Created = [];

    static SqlServerServer() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropCreated();

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ConnectionString ?? throw new InvalidOperationException($"{Variable} is not set.");
        var name = $"askpro_{Guid.NewGuid():N}";
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (Created) Created.Add(name);
        return new SqlConnectionStringBuilder(server) { InitialCatalog = name, MaxPoolSize = 200 }.ConnectionString;
    }

    private static void DropCreated()
    {
        // Nothing was created when no server is configured (the suites skipped).
        lock (Created) if (ConnectionString is null || Created.Count == 0) return;
        SqlConnection.ClearAllPools();
        using var connection = new SqlConnection(ConnectionString);
        connection.Open();
        foreach (var name in Created)
        {
            using var command = new SqlCommand($"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]", connection);
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>Runs on SQL Server when ASKPRO_SQLSERVER is set; never required (not even by
/// ASKPRO_REQUIRE_SERVICES=1), since CI machines cannot run a SQL Server engine.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute() => Skip = SqlServerSkip.Reason;
}

public sealed class SqlServerTheoryAttribute : TheoryAttribute
{
    public SqlServerTheoryAttribute() => Skip = SqlServerSkip.Reason;
}

file static class SqlServerSkip
{
    public static string? Reason => SqlServerServer.ConnectionString is null
        ? $"{SqlServerServer.Variable} is not set: no SQL Server engine can be installed here; set it to a SQL Server connection string to run this suite."
        : null;
}
