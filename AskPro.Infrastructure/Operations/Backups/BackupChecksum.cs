using System.Security.Cryptography;

namespace AskPro.Infrastructure.Operations.Backups;

/// <summary>The <c>.sha256</c> file beside a backup, in sha256sum's format.</summary>
public static class BackupChecksum
{
    public static string Write(string path)
    {
        var sha = Of(path);
        File.WriteAllText(path + ".sha256", $"{sha}  {Path.GetFileName(path)}\n");
        return sha;
    }

    public static void Verify(string path)
    {
        var checksumFile = path + ".sha256";
        if (!File.Exists(checksumFile))
            throw new InvalidDataException($"{Path.GetFileName(path)} hat keine .sha256-Datei daneben und wird darum nicht verwendet.");
        var expected = File.ReadAllText(checksumFile).Split(' ', 2)[0].Trim();
        if (!string.Equals(expected, Of(path), StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"Die SHA-256-Prüfsumme von {Path.GetFileName(path)} stimmt nicht mit ihrer .sha256-Datei überein (die Datei ist beschädigt oder wurde verändert).");
    }

    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
