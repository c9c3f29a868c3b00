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
//   functions      check_availability / book_appointment over loopback HTTP, signed (--quick: 1/5 of the requests)
//   functions-profile  prints the app's pid, then check_availability at concurrency 1 for dotnet-trace
//   calcom         check_availability on a fake Cal.com with 50 ms latency: cold/warm, hit ratio, failing
//   webhooks       signed Retell call_ended ingest vs a plain 200 endpoint, then inbox drain time (--quick, --no-worker)
//   soak           minutes of mixed traffic (calls, webhooks, portal reads): p95 per route, memory/handles start vs end,
//                  inbox/outbox depth over time ([--minutes 10] [--calls 50] [--nodes 1|2] [--provider sqlite|postgres])
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
        Console.WriteLine("Suites: phone, phone-startup, parser, parser-cpu, functions [--quick], calcom, webhooks [--quick], soak [--minutes N] [--calls N] [--nodes 1|2] [--provider sqlite|postgres] (see docs/PERFORMANCE.md)");
        return suite == "help" ? 0 : 2;
}
