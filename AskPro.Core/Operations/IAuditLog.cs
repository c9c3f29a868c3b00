namespace AskPro.Core.Operations;

/// <summary>Appends who did what (tenant-scoped; the entry gets the current company).</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry, CancellationToken ct);
}
