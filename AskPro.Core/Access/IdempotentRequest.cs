using AskPro.Core.Shared;

namespace AskPro.Core.Access;

/// <summary>A REST POST sent with an <c>Idempotency-Key</c>: the first answer, kept for
/// <see cref="Lifetime"/> and returned again for a repeat of the same request. The row is
/// written before the request runs (the unique key per company is the lock: a concurrent
/// repeat waits for no one and is told it is still running); <see cref="StatusCode"/> stays
/// null until the first answer is known.</summary>
public sealed class IdempotentRequest : TenantEntity
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public const int MaxKeyLength = 255;

    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path and body: the same key with another request is refused.</summary>
    public required string Fingerprint { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? Body { get; set; }
}
