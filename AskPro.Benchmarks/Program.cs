using AskPro.Benchmarks.PhoneNumbers;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project AskPro.Benchmarks -- <suite>
//   phone          ns and bytes per parse (BenchmarkDotNet, in-process)
//   phone-startup  cost of the first parse in a fresh process (library metadata load + DACH warm-up)
//   parser         ns per German date/time phrase (BenchmarkDotNet)
//   parser-cpu     CPU time per phrase (process CPU / phrases): stays meaningful on a loaded machine
//   functions      check_availability / book_appointment over loopback HTTP, signed (--quick: 1/5 of the requests);
//                  with --nodes 1|2 [--provider postgres] on the soak's nodes (two on one PostgreSQL and one Redis)
//   functions-profile  prints the app's pid, then check_availability at concurrency 1 for dotnet-trace
//   calcom         check_availability on a fake Cal.com with 50 ms latency: cold/warm, hit ratio, failing
//   webhooks       signed Retell call_ended ingest vs a plain 200 endpoint, then inbox drain time (--quick, --no-worker)
//   soak           minutes of mixed traffic (calls, webhooks, portal reads): p95 per route, memory/handles start vs end,
//                  inbox/outbox depth over time ([--minutes 10] [--calls 50] [--nodes 1|2] [--provider sqlite|postgres]
//                  [--heap-dumps DIR]: live heap and memory after a forced full collection at start and end)
// Method and results: docs/PERFORMANCE.md.
var suite = args.FirstOrDefault() ?? "help";
switch (suite)
{
    case "phone":
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkRunner.Run<PhoneParseBenchmarks>(config, args.Skip(1).ToArray());
        return 0;
    case "phone-startup":
        return PhoneStartup.Run();
    case "functions" when args.Contains("--nodes") || args.Contains("--provider"):
        var (nodes, provider) = NodesAndProvider(args);
        return await AskPro.Benchmarks.Http.PhoneFunctionsOnNodes.RunAsync(nodes, provider, quick: args.Contains("--quick"));
    case "functions":
        return await AskPro.Benchmarks.Http.PhoneFunctionsLoad.RunAsync(quick: args.Contains("--quick"));
    case "functions-profile":
        return await AskPro.Benchmarks.Http.PhoneFunctionsLoad.ProfileAsync();
    case "calcom":
        return await AskPro.Benchmarks.Http.CalComAvailabilityLoad.RunAsync();
    case "webhooks":
        return await AskPro.Benchmarks.Http.WebhookIngestLoad.RunAsync(quick: args.Contains("--quick"), withoutWorker: args.Contains("--no-worker"));
    case "soak":
        return await AskPro.Benchmarks.Soak.SoakRun.RunAsync(args.Skip(1).ToArray());
    case "parser":
        BenchmarkRunner.Run<AskPro.Benchmarks.Scheduling.ParserBenchmarks>(ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)), args.Skip(1).ToArray());
        return 0;
    case "parser-cpu":
        return AskPro.Benchmarks.Scheduling.ParserCpu.Run();
    default:
        Console.WriteLine("Suites: phone, phone-startup, parser, parser-cpu, functions [--quick] [--nodes 1|2 --provider postgres], calcom, webhooks [--quick], soak [--minutes N] [--calls N] [--nodes 1|2] [--provider sqlite|postgres] [--heap-dumps DIR] (see docs/PERFORMANCE.md)");
        return suite == "help" ? 0 : 2;
}

// --nodes and --provider as the soak reads them (one parser, its checks included).
static (int Nodes, string Provider) NodesAndProvider(string[] args)
{
    var options = AskPro.Benchmarks.Soak.SoakOptions.Parse(args);
    return (options.Nodes, options.Provider);
}
