namespace AskPro.Infrastructure.Operations;

/// <summary>Section "Backup".</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    public string Directory { get; set; } = "backups";

    /// <summary>How many backups to keep; older ones are deleted after a verified backup.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Quartz cron expression, in <see cref="TimeZoneId"/>. Default: nightly at 02:00.</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>The installation's time zone for the schedule.</summary>
    public string TimeZoneId { get; set; } = "Europe/Berlin";

    /// <summary>Where pg_dump and pg_restore live when they are not on the PATH (PostgreSQL only),
    /// e.g. /usr/lib/postgresql/15/bin. Empty: the PATH, then the newest /usr/lib/postgresql/*/bin.</summary>
    public string? PostgresBinDirectory { get; set; }
}
