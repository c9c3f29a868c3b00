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
            throw new InvalidDataException($"{Path.GetFileName(path)} has no .sha256 file beside it; refusing to use it.");
        var expected = File.ReadAllText(checksumFile).Split(' ', 2)[0].Trim();
        if (!string.Equals(expected, Of(path), StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"The SHA-256 of {Path.GetFileName(path)} does not match its .sha256 file (the file is damaged or was changed).");
    }

    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
