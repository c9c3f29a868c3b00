namespace AskPro.Benchmarks.Soak;

/// <summary><c>soak [--minutes N] [--calls 50] [--nodes 1|2] [--provider sqlite|postgres] [--think-ms 1000] [--sample-seconds 30] [--heap-dumps DIR]</c>.</summary>
public sealed record SoakOptions(int Minutes, int Calls, int Nodes, string Provider, int ThinkMs, int SampleSeconds, string? HeapDumps)
{
    /// <summary>The first minute is the warm-up: latencies count from its end, and the memory and
    /// handle baseline is the sample taken there.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(1);

    public static SoakOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback, int min, int max) =>
            Value(name) is { } text ? (int.TryParse(text, out var n) && n >= min && n <= max ? n : throw new ArgumentException($"{name} must be {min}–{max}, not '{text}'.")) : fallback;

        var nodes = Number("--nodes", 1, 1, 2);
        var provider = (Value("--provider") ?? (nodes == 2 ? "postgres" : "sqlite")).ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres")) throw new ArgumentException($"--provider must be sqlite or postgres, not '{provider}'.");
        if (nodes == 2 && provider == "sqlite") throw new ArgumentException("--nodes 2 needs --provider postgres (two nodes share one PostgreSQL and one Redis).");
        return new SoakOptions(Number("--minutes", 10, 2, 240), Number("--calls", 50, 1, 500), nodes, provider,
            Number("--think-ms", 1000, 0, 60_000), Number("--sample-seconds", 30, 5, 600), Value("--heap-dumps"));
    }
}
