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
            using var nodes = await SoakNodes.StartAsync(options);
            foreach (var app in nodes.Apps) await app.SettleAsync();
            var stats = new RouteStats();
            var traffic = new SoakTraffic(nodes, options, stats);
            var samples = new List<(TimeSpan At, int Node, ProcessSample Sample, long Inbox, long Outbox)>();
            using var trafficEnd = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var duration = TimeSpan.FromMinutes(options.Minutes);
            // Every sample interval, and once exactly at the end of the warm-up (the baseline).
            var sampleTimes = Enumerable.Range(1, (int)(duration.TotalSeconds / options.SampleSeconds))
                .Select(k => TimeSpan.FromSeconds(k * options.SampleSeconds)).Append(SoakOptions.WarmUp)
                .Where(t => t < duration).Distinct().Order().ToList();

            var clock = Stopwatch.StartNew();
            trafficEnd.CancelAfter(duration);
            var running = traffic.RunAsync(trafficEnd.Token);
            Console.WriteLine("| t | node | RSS MB | private MB | GC heap MB | handles | threads | inbox pending | outbox pending | calls started | requests counted | errors |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
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
            }
            await running; // surfaces a failure of the traffic itself (sign-in refused, ...)
            stats.Counting = false;
            var measured = clock.Elapsed - (baselineAt ?? clock.Elapsed);
            await SampleAsync(nodes, stats, traffic, clock.Elapsed, samples, baseline: false);

            Console.WriteLine($"\nPer route, from the end of the warm-up ({measured.TotalMinutes:0.0} min measured), machine load now {LoadAverage()}:\n");
            stats.Print(nodes.Apps.Count, measured);
            return Verdict(nodes.Apps.Count, samples, baselineAt, stats);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
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
                Console.WriteLine($"| {at:mm\\:ss}{(baseline ? " (start)" : "")} | {Name(node, nodes.Apps.Count)} | {sample.RssMb:0} | {sample.PrivateMb:0} | {sample.GcHeapMb:0.0} | {sample.Handles} | {sample.Threads} | " +
                                  $"{inbox} | {outbox} | {traffic.CallsStarted} | {stats.Requests} | {stats.Errors} |");
            }
        }
    }

    /// <summary>Start (the sample at the end of the warm-up) against the last sample, per node;
    /// exit code 1 when a number grew by more than 10 % or a request failed.</summary>
    private static int Verdict(int nodeCount, List<(TimeSpan At, int Node, ProcessSample Sample, long Inbox, long Outbox)> samples, TimeSpan? baselineAt, RouteStats stats)
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
            foreach (var (name, a, b) in new (string, double?, double?)[]
                     {
                         ("RSS MB", start.RssMb, end.RssMb), ("private MB", start.PrivateMb, end.PrivateMb), ("GC heap MB", start.GcHeapMb, end.GcHeapMb),
                         ("handles", start.Handles, end.Handles), ("threads", start.Threads, end.Threads),
                     })
            {
                if (a is not { } from || b is not { } to) continue;
                var change = from == 0 ? 0 : (to - from) / from;
                var flag = change > AllowedGrowth ? " **> 10 %**" : "";
                if (change > AllowedGrowth) stable = false;
                Console.WriteLine($"| {Name(node, nodeCount)} | {name} | {from:0.#} | {to:0.#} | {change:+0.0 %;-0.0 %}{flag} |");
            }
        }
        Console.WriteLine($"\nStable within 10 %: {(stable ? "yes" : "NO")}; errors: {stats.Errors} of {stats.Requests} requests.");
        return stable && stats.Errors == 0 ? 0 : 1;
    }

    private static string Name(int node, int count) => count == 1 ? "app" : ((char)('A' + node)).ToString();

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
