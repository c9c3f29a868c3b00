using System.ComponentModel.DataAnnotations;

namespace AskPro.Infrastructure.Telephony;

/// <summary>Section "Retell". The API key signs every webhook and function call; it is a
/// secret (user secrets or environment in production, never logged).</summary>
public sealed class RetellOptions
{
    public const string Section = "Retell";

    [Required, MinLength(8)] public string ApiKey { get; set; } = "";

    /// <summary>Replay window for signatures.</summary>
    public int MaxSignatureAgeSeconds { get; set; } = 300;
}
