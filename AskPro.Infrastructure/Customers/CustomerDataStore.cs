using System.Text.Json;
using AskPro.Core.Customers;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Customers;

/// <summary>The GDPR reads and writes over every table that can hold a customer's data. Each
/// call in its own short-lived context (safe from a Blazor circuit); the tenant filters scope
/// every query and update to the current company.</summary>
internal sealed partial class CustomerDataStore(IDbContextFactory<AskProDbContext> contexts) : ICustomerDataStore
{
    public const string ErasedName = "Gelöschte Person";
    private const string Erased = "[gelöscht]";

    public async Task<CustomerDataExport?> ExportAsync(Guid customerId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var c = await db.Customers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == customerId, ct);
        if (c is null) return null;
        var appointments = await (
            from a in db.Appointments.AsNoTracking().Where(a => a.CustomerId == customerId)
            join s in db.Services on a.ServiceId equals s.Id
            join m in db.Staff on a.StaffId equals m.Id
            orderby a.StartUtc
            select new ExportedAppointment(a.Id, a.StartUtc, a.EndUtc, s.Name, m.Name, a.Status.ToString(), a.Source.ToString(), a.CancellationReason)).ToListAsync(ct);
        var calls = (await db.Calls.AsNoTracking().Where(x => x.CustomerId == customerId || (c.Phone != null && x.FromNumber == c.Phone)).OrderBy(x => x.StartedAt).ToListAsync(ct))
            .Select(x => new ExportedCall(x.Id, x.StartedAt, x.DurationSeconds, x.FromNumber?.Value, x.Summary, x.Transcript)).ToList();
        var messages = (await db.CustomerMessages.AsNoTracking().Where(m => m.CustomerId == customerId).OrderBy(m => m.CreatedAt).ToListAsync(ct))
            .Select(m => new ExportedMessage(m.CreatedAt, m.SentAt, m.Kind.ToString(), m.Channel.ToString(), m.Recipient, m.Subject, m.Text)).ToList();
        var callbacks = (await db.CallbackRequests.AsNoTracking().Where(x => x.CustomerId == customerId || (c.Phone != null && x.Phone == c.Phone)).OrderBy(x => x.CreatedAt).ToListAsync(ct))
            .Select(x => new ExportedCallback(x.CreatedAt, x.Name, x.Phone?.Value, x.Reason)).ToList();
        return new CustomerDataExport(
            new ExportedCustomer(c.Id, c.Name, c.Phone?.Value, c.Email, c.Notes, c.Language, c.OptedOutOfEmail, c.OptedOutOfSms, c.NoReminders, c.CreatedAt),
            appointments, calls, messages, callbacks);
    }

    public async Task<bool> EraseAsync(Guid customerId, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(x => x.Id == customerId, ct);
        if (customer is null) return false;
        var phone = customer.Phone;
        string[] traces = [.. new[] { customer.Name, phone?.Value, customer.Email, customer.Notes }.Where(t => t is { Length: >= 3 }).Select(t => t!)];
        var companyId = customer.CompanyId;

        // Harmless to redo but for the audit entry (its own primary key), which also tells whether a
        // commit whose answer was lost happened.
        await db.InTransactionAsync(async token =>
        {
            var callIds = await db.Calls.Where(x => x.CustomerId == customerId || (phone != null && x.FromNumber == phone)).Select(x => x.Id).ToListAsync(token);
            // The caller's words and number go; when, how long and what it cost stay.
            await db.Calls.Where(x => callIds.Contains(x.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.FromNumber, (Core.Shared.E164Number?)null).SetProperty(x => x.Transcript, (string?)null)
                .SetProperty(x => x.Summary, (string?)null).SetProperty(x => x.RecordingUrl, (string?)null), token);
            await db.FunctionInvocations.Where(x => callIds.Contains(x.CallId)).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ArgumentsMasked, "{}").SetProperty(x => x.Message, ""), token);
            await db.CallbackRequests.Where(x => x.CustomerId == customerId || (phone != null && x.Phone == phone) || (x.CallId != null && callIds.Contains(x.CallId.Value)))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Name, "").SetProperty(x => x.Phone, (Core.Shared.E164Number?)null).SetProperty(x => x.Reason, ""), token);
            await db.Appointments.Where(a => a.CustomerId == customerId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CancellationReason, (string?)null), token);
            await db.CustomerMessages.Where(m => m.CustomerId == customerId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Recipient, "").SetProperty(m => m.Subject, "").SetProperty(m => m.Text, "").SetProperty(m => m.LastError, (string?)null), token);
            // Nobody to offer a freed slot to any more.
            await db.WaitlistEntries.Where(w => w.CustomerId == customerId && w.Status == Core.Waitlist.WaitlistStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, Core.Waitlist.WaitlistStatus.Withdrawn), token);
            await ScrubAsync(db, traces, companyId, token);

            customer.Name = ErasedName;
            customer.Phone = null;
            customer.Email = null;
            customer.Notes = "";
            customer.OptedOutOfEmail = customer.OptedOutOfSms = customer.NoReminders = true; // nobody to write to any more
            db.AuditEntries.Add(audit);
            await db.SaveChangesAsync(token);
        }, token => db.AuditEntries.AnyAsync(a => a.Id == audit.Id, token), ct);
        return true;
    }

    /// <summary>Free text that may quote the customer (audit details, stored webhook payloads of
    /// this company): each trace is replaced where it occurs, in plain and in JSON-escaped form.</summary>
    private static async Task ScrubAsync(AskProDbContext db, string[] traces, Guid companyId, CancellationToken ct)
    {
        foreach (var trace in traces)
        {
            // JSON writers escape non-ASCII letters with upper- or lower-case hex (\u00FC, \u00fc).
            var upper = JsonSerializer.Serialize(trace)[1..^1];
            var lower = UnicodeEscape().Replace(upper, m => m.Value.ToLowerInvariant());
            string Scrub(string text) => text.Replace(trace, Erased).Replace(upper, Erased).Replace(lower, Erased);
            foreach (var entry in await db.AuditEntries.Where(a => a.Details.Contains(trace) || a.Details.Contains(upper) || a.Details.Contains(lower)).ToListAsync(ct))
                entry.Details = Scrub(entry.Details);
            foreach (var item in await db.Inbox.Where(i => i.CompanyId == companyId && (i.Payload.Contains(trace) || i.Payload.Contains(upper) || i.Payload.Contains(lower))).ToListAsync(ct))
                item.Payload = Scrub(item.Payload);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[0-9A-F]{4}")]
    private static partial System.Text.RegularExpressions.Regex UnicodeEscape();
}
