using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace AskPro.Infrastructure.Observability;

/// <summary>A small Prometheus text-format exporter (no exporter package exists here): listens
/// to this app's AskPro meter (the instance, not the name: two hosts in one process, as in the
/// tests, keep their own counts), keeps counter totals and histogram buckets per label set,
/// renders them.</summary>
public sealed class PrometheusExporter : IDisposable
{
    private static readonly double[] Bounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), double> _counters = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), HistogramState> _histograms = new();
    private readonly ConcurrentDictionary<string, string> _help = new();

    private sealed class HistogramState
    {
        public readonly long[] Buckets = new long[Bounds.Length];
        public long Count;
        public double Sum;
    }

    public PrometheusExporter(AskProMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter != metrics.Meter) return;
            _help[instrument.Name] = instrument.Description ?? instrument.Name;
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        if (instrument is Histogram<double>)
        {
            var state = _histograms.GetOrAdd((instrument.Name, labels), _ => new HistogramState());
            lock (state)
            {
                for (var i = 0; i < Bounds.Length; i++) if (value <= Bounds[i]) state.Buckets[i]++;
                state.Count++;
                state.Sum += value;
            }
        }
        else
        {
            _counters.AddOrUpdate((instrument.Name, labels), value, (_, total) => total + value);
        }
    }

    /// <summary>The exposition text; <paramref name="gauges"/> are values read at scrape time.</summary>
    public string Render(IEnumerable<(string Name, string Help, string Labels, double Value)> gauges)
    {
        var text = new StringBuilder();
        foreach (var group in _counters.GroupBy(c => c.Key.Name).OrderBy(g => g.Key))
        {
            text.Append("# HELP ").Append(group.Key).Append(' ').AppendLine(_help.GetValueOrDefault(group.Key, group.Key));
            text.Append("# TYPE ").Append(group.Key).AppendLine(" counter");
            foreach (var (key, value) in group) text.Append(group.Key).Append(Wrap(key.Labels)).Append(' ').AppendLine(Number(value));
        }
        foreach (var group in _histograms.GroupBy(h => h.Key.Name).OrderBy(g => g.Key))
        {
            text.Append("# HELP ").Append(group.Key).Append(' ').AppendLine(_help.GetValueOrDefault(group.Key, group.Key));
            text.Append("# TYPE ").Append(group.Key).AppendLine(" histogram");
            foreach (var (key, state) in group)
            lock (state)
            {
                for (var i = 0; i < Bounds.Length; i++)
                    text.Append(group.Key).Append("_bucket").Append(Wrap(Join(key.Labels, $"le=\"{Number(Bounds[i])}\""))).Append(' ').AppendLine(state.Buckets[i].ToString(CultureInfo.InvariantCulture));
                text.Append(group.Key).Append("_bucket").Append(Wrap(Join(key.Labels, "le=\"+Inf\""))).Append(' ').AppendLine(state.Count.ToString(CultureInfo.InvariantCulture));
                text.Append(group.Key).Append("_sum").Append(Wrap(key.Labels)).Append(' ').AppendLine(Number(state.Sum));
                text.Append(group.Key).Append("_count").Append(Wrap(key.Labels)).Append(' ').AppendLine(state.Count.ToString(CultureInfo.InvariantCulture));
            }
        }
        foreach (var group in gauges.GroupBy(g => g.Name))
        {
            text.Append("# HELP ").Append(group.Key).Append(' ').AppendLine(group.First().Help);
            text.Append("# TYPE ").Append(group.Key).AppendLine(" gauge");
            foreach (var gauge in group) text.Append(group.Key).Append(Wrap(gauge.Labels)).Append(' ').AppendLine(Number(gauge.Value));
        }
        return text.ToString();
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>(tags.Length);
        foreach (var tag in tags) parts.Add($"{tag.Key}=\"{Escape(tag.Value?.ToString() ?? "")}\"");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    public static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
    private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;
    private static string Wrap(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";
    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    public void Dispose() => _listener.Dispose();
}
