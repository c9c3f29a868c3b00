using AskPro.Core.Shared;

namespace AskPro.Core.Directory;

/// <summary>Something a customer books: a haircut, a consultation.</summary>
public sealed class Service : TenantEntity
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;

    public required string Name { get; set; }

    private int _durationMinutes = 30;
    public int DurationMinutes
    {
        get => _durationMinutes;
        set => _durationMinutes = value is >= MinDurationMinutes and <= MaxDurationMinutes
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DurationMinutes), $"A service lasts {MinDurationMinutes}–{MaxDurationMinutes} minutes.");
    }

    /// <summary>Time blocked after the service (cleaning, notes), in minutes.</summary>
    public int BufferMinutes { get; set; }
    public Money Price { get; set; }
    public int MinimumNoticeMinutes { get; set; } = 60;
    public int CancellationNoticeHours { get; set; } = 24;
    public bool Active { get; set; } = true;

    /// <summary>Other words callers use for this service, comma separated ("Schnitt, Haare schneiden").</summary>
    public string Aliases { get; set; } = "";

    /// <summary>The Cal.com event type this service is booked as (null: not connected).</summary>
    public int? CalComEventTypeId { get; set; }

    public List<Staff> Staff { get; set; } = [];

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);
    public TimeSpan Buffer => TimeSpan.FromMinutes(BufferMinutes);
}
