namespace AskPro.Tools.FakeRetell;

/// <summary><c>dotnet run --project tools/FakeRetell -- --port 5091</c>: Retell's API at
/// http://127.0.0.1:5091 for the demo's API key <c>askpro-demo-retell-key</c>; point
/// <c>Retell:ApiBaseUrl</c> at it.</summary>
public static class FakeRetellProgram
{
    public static async Task<int> Main(string[] args)
    {
        var port = 5091;
        for (var i = 0; i < args.Length - 1; i++)
            if (args[i] == "--port" && !int.TryParse(args[i + 1], out port)) { Console.Error.WriteLine("--port needs a number"); return 2; }
        await using var server = await FakeRetellServer.StartAsync(port: port, log: true);
        var root = server.BaseUrl.GetLeftPart(UriPartial.Authority);
        Console.WriteLine($"Fake Retell API at {server.BaseUrl} (API key {FakeRetellWorkspace.DemoApiKey}). What was created: GET {root}/_fake/state. " +
                          $"Faults: POST {root}/_fake/faults?fault=ServerError&times=1&path=/create-agent (Unauthorized, Unprocessable, ServerError, TooManyRequests, Hang, DoThenHang). Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        // The web host handles Ctrl+C and SIGTERM itself and stops; the program ends with it.
        server.Stopping.Register(() => stop.TrySetResult());
        await stop.Task;
        return 0;
    }
}
