namespace AskPro.Core.Customers;

/// <summary>Everything stored about one customer of the current company, for the use cases over a
/// whole record: GDPR (<see cref="ExportCustomerData.ExportCustomerData"/>, <see cref="EraseCustomer.EraseCustomer"/>),
/// corrections (<see cref="EditCustomer.EditCustomer"/>) and duplicates (<see cref="MergeCustomers.MergeCustomers"/>).</summary>
public interface ICustomerDataStore
{
    /// <summary>The customer's data, or null for an unknown customer (or another company's).</summary>
    Task<CustomerDataExport?> ExportAsync(Guid customerId, CancellationToken ct);

    /// <summary>Removes the customer's personal data from every table, keeping the appointments'
    /// and calls' statistics (times, service, staff, status, duration, cost), and writes the audit
    /// entry in the same transaction. False for an unknown customer.</summary>
    Task<bool> EraseAsync(Guid customerId, Operations.AuditEntry audit, CancellationToken ct);

    /// <summary>Stores the validated fields; the audit entry (its details: the names of the fields
    /// that changed) is written with the change, and only when something changed.</summary>
    Task<UpdateResult> UpdateAsync(Guid customerId, CustomerFields fields, Operations.AuditEntry audit, CancellationToken ct);

    /// <summary>Moves everything of the duplicate to the kept customer and deletes the duplicate,
    /// with the audit entry, in one transaction. False when either is unknown.</summary>
    Task<bool> MergeAsync(Guid keptId, Guid duplicateId, Operations.AuditEntry audit, CancellationToken ct);
}

public enum UpdateResult { Updated, NotFound, PhoneTaken }

/// <summary>A customer's editable fields, already validated.</summary>
public sealed record CustomerFields(string Name, Shared.E164Number? Phone, string? Email, string Notes, string Language);

public sealed record CustomerDataExport(
    ExportedCustomer Customer,
    IReadOnlyList<ExportedAppointment> Appointments,
    IReadOnlyList<ExportedCall> Calls,
    IReadOnlyList<ExportedMessage> Messages,
    IReadOnlyList<ExportedCallback> Callbacks);

public sealed record ExportedCustomer(Guid Id, string Name, string? Phone, string? Email, string Notes, string Language,
    bool OptedOutOfEmail, bool OptedOutOfSms, bool NoReminders, DateTime CreatedAt);

public sealed record ExportedAppointment(Guid Id, DateTime StartUtc, DateTime EndUtc, string Service, string Staff, string Status, string Source, string? CancellationReason);

public sealed record ExportedCall(Guid Id, DateTime? StartedAt, int? DurationSeconds, string? FromNumber, string? Summary, string? Transcript);

public sealed record ExportedMessage(DateTime CreatedAt, DateTime? SentAt, string Kind, string Channel, string Recipient, string Subject, string Text);

public sealed record ExportedCallback(DateTime CreatedAt, string Name, string? Phone, string Reason);
