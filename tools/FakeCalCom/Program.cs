namespace AskPro.Tools.FakeCalCom;

/// <summary><c>dotnet run --project tools/FakeCalCom -- --port 5090</c>: the demo salon's
/// Cal.com at http://127.0.0.1:5090/v2 with API key <c>demo-calcom-key</c>; <c>--latency-ms 50</c>
/// delays every answer (a distant Cal.com, for benchmarks).</summary>
public static class FakeCalComProgram
{
    public static async Task<int> Main(string[] args)
    {
        var (port, latency) = (5090, 0);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--port" && !int.TryParse(args[i + 1], out port)) { Console.Error.WriteLine("--port needs a number"); return 2; }
            if (args[i] == "--latency-ms" && !int.TryParse(args[i + 1], out latency)) { Console.Error.WriteLine("--latency-ms needs a number"); return 2; }
        }
        await using var server = await FakeCalComServer.StartAsync(port: port, log: true);
        server.Calendar.Faults.Latency = TimeSpan.FromMilliseconds(latency);
        Console.WriteLine($"Fake Cal.com at {server.BaseUrl} (API key {FakeCalendar.DemoApiKey}). Faults: POST {server.BaseUrl.GetLeftPart(UriPartial.Authority)}/_fake/faults?fault=ServerError&times=3. Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        // The web host handles Ctrl+C and SIGTERM itself and stops; the program ends with it.
        server.Stopping.Register(() => stop.TrySetResult());
        await stop.Task;
        return 0;
    }
}
