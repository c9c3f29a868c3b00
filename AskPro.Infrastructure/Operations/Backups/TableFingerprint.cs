namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>A table's row count and a checksum over its rows' content, taken in row-text order so
/// that the same rows give the same checksum however they are stored.</summary>
public sealed record TableFingerprint(long Rows, string Checksum)
{
    public static IReadOnlyList<string> Differences(
        IReadOnlyDictionary<string, TableFingerprint> expected, IReadOnlyDictionary<string, TableFingerprint> actual)
    {
        var differences = new List<string>();
        foreach (var (table, want) in expected.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(table, out var got)) differences.Add($"{table} fehlt in der wiederhergestellten Kopie");
            else if (got.Rows != want.Rows) differences.Add($"{table}: Zeilen {want.Rows}≠{got.Rows}");
            else if (got.Checksum != want.Checksum) differences.Add($"{table}: Prüfsumme weicht ab");
        }
        differences.AddRange(actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal).Select(t => $"{t} steht nicht im Manifest"));
        return differences;
    }
}
