using System.Diagnostics;

namespace AskPro.Benchmarks.Soak;

/// <summary>Minutes of mixed traffic against the app as child process(es), sampling memory,
/// handles, threads, the GC heap and the inbox/outbox depth, then the per-route latencies and
/// the start-vs-end comparison. See docs/PERFORMANCE.md, "Soak".</summary>
public static class SoakRun
{
    private const double AllowedGrowth = 0.10;

    public static async Task<int> RunAsync(string[] args)
    {
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        using var stop = new CancellationTokenSource();
        // Ctrl-C ends the traffic early and still reports and stops every process (Dispose below).
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            Console.WriteLine($"Soak: {options.Minutes} min, {options.Calls} concurrent calls, {options.Nodes} node(s) on {options.Provider}, think time {options.ThinkMs} ms, " +
                              $"sample every {options.SampleSeconds} s; machine: {Environment.ProcessorCount} cores, load {LoadAverage()}");
            using var nodes = await SoakNodes.StartAsync(options.Nodes, options.Provider);
            foreach (var app in nodes.Apps) await app.SettleAsync();
            var stats = new RouteStats();
            var traffic = new SoakTraffic(nodes, options, stats);
            var samples = new List<(TimeSpan At, int Node, ProcessSample Sample, long Inbox, long Outbox)>();
            var afterFullGc = new Dictionary<(int Node, bool End), (double LiveMb, ProcessSample Sample)>();
            using var trafficEnd = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var duration = TimeSpan.FromMinutes(options.Minutes);
            // Every sample interval, and once exactly at the end of the warm-up (the baseline).
            var sampleTimes = Enumerable.Range(1, (int)(duration.TotalSeconds / options.SampleSeconds))
                .Select(k => TimeSpan.FromSeconds(k * options.SampleSeconds)).Append(SoakOptions.WarmUp)
                .Where(t => t < duration).Distinct().Order().ToList();

            var clock = Stopwatch.StartNew();
            trafficEnd.CancelAfter(duration);
            var running = traffic.RunAsync(trafficEnd.Token);
            Console.WriteLine("| t | node | RSS MB | private MB | GC heap MB | GC committed MB | handles | threads | inbox pending | outbox pending | calls started | requests counted | errors |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            TimeSpan? baselineAt = null;
            foreach (var at in sampleTimes)
            {
                var wait = at - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.WhenAny(Task.Delay(wait, trafficEnd.Token).ContinueWith(_ => { }, TaskScheduler.Default), running);
                if (running.IsCompleted || trafficEnd.IsCancellationRequested) break;
                var isBaseline = at == SoakOptions.WarmUp;
                if (isBaseline)
                {
                    stats.Counting = true; // latencies from here on
                    baselineAt = at;
                }
                await SampleAsync(nodes, stats, traffic, at, samples, isBaseline);
                if (isBaseline) await DumpHeapsAsync(nodes, afterFullGc, end: false);
            }
            await running; // surfaces a failure of the traffic itself (sign-in refused, ...)
            stats.Counting = false;
            var measured = clock.Elapsed - (baselineAt ?? clock.Elapsed);
            await SampleAsync(nodes, stats, traffic, clock.Elapsed, samples, baseline: false);
            await DumpHeapsAsync(nodes, afterFullGc, end: true);

            Console.WriteLine($"\nPer route, from the end of the warm-up ({measured.TotalMinutes:0.0} min measured), machine load now {LoadAverage()}:\n");
            stats.Print(nodes.Apps.Count, measured);
            return Verdict(nodes.Apps.Count, samples, afterFullGc, baselineAt, stats);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        // The live heap after a forced full collection and the process's memory right after it,
        // at the start (after the baseline sample) and at the end: between collections the
        // memory numbers saw-tooth with the garbage not yet collected, after one they compare
        // like with like. The app pauses for each dump, so only twice.
        async Task DumpHeapsAsync(SoakNodes nodes, Dictionary<(int Node, bool End), (double LiveMb, ProcessSample Sample)> afterFullGc, bool end)
        {
            if (options.HeapDumps is not { } folder) return;
            for (var node = 0; node < nodes.Apps.Count; node++)
            {
                var app = nodes.Apps[node];
                var file = Path.Combine(folder, $"{Name(node, nodes.Apps.Count)}-{(end ? "end" : "start")}.gcdump");
                var live = await HeapDump.TakeAsync(app.ProcessId, file);
                using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
                var sample = await ProcessSample.TakeAsync(app.ProcessId, http);
                afterFullGc[(node, end)] = (live, sample);
                Console.WriteLine($"Heap dump {file}: {live:0.0} MB live; right after it RSS {sample.RssMb:0} MB, private {sample.PrivateMb:0} MB, " +
                                  $"GC committed {sample.GcCommittedMb:0.0} MB, outside the GC {sample.NativeMb:0.0} MB.");
            }
        }

        async Task SampleAsync(SoakNodes nodes, RouteStats stats, SoakTraffic traffic, TimeSpan at,
            List<(TimeSpan, int, ProcessSample, long, long)> samples, bool baseline)
        {
            var (inbox, outbox) = await nodes.QueueDepthAsync();
            for (var node = 0; node < nodes.Apps.Count; node++)
            {
                var app = nodes.Apps[node];
                using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
                var sample = await ProcessSample.TakeAsync(app.ProcessId, http);
                samples.Add((at, node, sample, inbox, outbox));
                Console.WriteLine($"| {at:mm\\:ss}{(baseline ? " (start)" : "")} | {Name(node, nodes.Apps.Count)} | {sample.RssMb:0} | {sample.PrivateMb:0} | {sample.GcHeapMb:0.0} | {sample.GcCommittedMb:0.0} | {sample.Handles} | {sample.Threads} | " +
                                  $"{inbox} | {outbox} | {traffic.CallsStarted} | {stats.Requests} | {stats.Errors} |");
            }
        }
    }

    /// <summary>Start (the sample at the end of the warm-up) against the last sample, per node;
    /// with heap dumps also the numbers right after the forced full collections, which then
    /// decide (the plain samples still show the saw-tooth). Exit code 1 when a deciding number
    /// grew by more than 10 % or a request failed.</summary>
    private static int Verdict(int nodeCount, List<(TimeSpan At, int Node, ProcessSample Sample, long Inbox, long Outbox)> samples,
        Dictionary<(int Node, bool End), (double LiveMb, ProcessSample Sample)> afterFullGc, TimeSpan? baselineAt, RouteStats stats)
    {
        if (baselineAt is null)
        {
            Console.WriteLine("\nThe run ended before the warm-up: no start/end comparison.");
            return 1;
        }
        var stable = true;
        Console.WriteLine("\n| node | measure | start | end | change |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        for (var node = 0; node < nodeCount; node++)
        {
            var start = samples.First(s => s.Node == node && s.At == baselineAt).Sample;
            var end = samples.Last(s => s.Node == node).Sample;
            var dumped = afterFullGc.TryGetValue((node, false), out var gc0) & afterFullGc.TryGetValue((node, true), out var gc1);
            var rows = new List<(string Name, double? From, double? To, bool Decides)>
            {
                ("RSS MB", start.RssMb, end.RssMb, !dumped), ("private MB", start.PrivateMb, end.PrivateMb, !dumped),
                ("GC heap MB (after the last collection)", start.GcHeapMb, end.GcHeapMb, !dumped),
                ("GC committed MB", start.GcCommittedMb, end.GcCommittedMb, false), ("private MB outside the GC", start.NativeMb, end.NativeMb, false),
            };
            if (dumped)
                rows.AddRange([
                    ("live heap MB (gcdump, full GC)", gc0.LiveMb, gc1.LiveMb, true),
                    ("RSS MB after the full GC", gc0.Sample.RssMb, gc1.Sample.RssMb, true),
                    ("private MB after the full GC", gc0.Sample.PrivateMb, gc1.Sample.PrivateMb, true),
                    ("private MB outside the GC after the full GC", gc0.Sample.NativeMb, gc1.Sample.NativeMb, false),
                ]);
            rows.AddRange([("handles", start.Handles, end.Handles, true), ("threads", start.Threads, end.Threads, true)]);
            foreach (var (name, a, b, decides) in rows)
            {
                if (a is not { } from || b is not { } to) continue;
                var change = from == 0 ? 0 : (to - from) / from;
                var grew = change > AllowedGrowth;
                if (grew && decides) stable = false;
                var flag = grew ? (decides ? " **> 10 %**" : " (> 10 %, shown only)") : "";
                Console.WriteLine($"| {Name(node, nodeCount)} | {name} | {from:0.#} | {to:0.#} | {change:+0.0 %;-0.0 %}{flag} |");
            }
        }
        Console.WriteLine($"\nStable within 10 %: {(stable ? "yes" : "NO")}; errors: {stats.Errors} of {stats.Requests} requests.");
        return stable && stats.Errors == 0 ? 0 : 1;
    }

    private static string Name(int node, int count) => count == 1 ? "app" : ((char)('A' + node)).ToString();

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
