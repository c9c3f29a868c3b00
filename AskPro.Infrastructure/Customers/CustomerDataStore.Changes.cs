using AskPro.Core.Customers;
using AskPro.Core.Operations;
using AskPro.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AskPro.Infrastructure.Customers;

/// <summary>Corrections and merges of a customer's record.</summary>
internal sealed partial class CustomerDataStore
{

    public async Task<UpdateResult> UpdateAsync(Guid customerId, CustomerFields fields, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(x => x.Id == customerId, ct);
        if (customer is null) return UpdateResult.NotFound;
        var changed = new List<string>();
        void Set<T>(string field, T current, T value, Action<T> apply)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            apply(value);
            changed.Add(field);
        }
        Set("name", customer.Name, fields.Name, v => customer.Name = v);
        Set("phone", customer.Phone, fields.Phone, v => customer.Phone = v);
        Set("email", customer.Email, fields.Email, v => customer.Email = v);
        Set("notes", customer.Notes, fields.Notes, v => customer.Notes = v);
        Set("language", customer.Language, fields.Language, v => customer.Language = v);
        if (changed.Count == 0) return UpdateResult.Updated;
        audit.Details = string.Join(", ", changed);
        db.AuditEntries.Add(audit);
        try
        {
            await db.SaveChangesAsync(ct);
            return UpdateResult.Updated;
        }
        catch (DbUpdateException ex) when (DatabaseMigrator.IsUniqueViolation(ex))
        {
            return UpdateResult.PhoneTaken;
        }
    }

    public async Task<bool> MergeAsync(Guid keptId, Guid duplicateId, AuditEntry audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var kept = await db.Customers.FirstOrDefaultAsync(x => x.Id == keptId, ct);
        var duplicate = await db.Customers.FirstOrDefaultAsync(x => x.Id == duplicateId, ct);
        if (kept is null || duplicate is null) return false;

        // Harmless to redo but for the audit entry (its own primary key), which also tells whether a
        // commit whose answer was lost happened.
        await db.InTransactionAsync(async token =>
        {
            await db.Appointments.Where(a => a.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(a => a.CustomerId, keptId), token);
            await db.Calls.Where(c => c.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, (Guid?)keptId), token);
            await db.CustomerMessages.Where(m => m.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, keptId), token);
            await db.CallbackRequests.Where(c => c.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, (Guid?)keptId), token);
            // The person's open sign-in links and places on the waitlist stay theirs (CustomerMergeChecks finds any table this list misses).
            await db.CustomerSignInLinks.Where(l => l.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CustomerId, keptId), token);
            await db.WaitlistEntries.Where(w => w.CustomerId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(w => w.CustomerId, keptId), token);

            // The duplicate goes first: the company's phone index allows its number only once.
            var (phone, email, notes) = (duplicate.Phone, duplicate.Email, duplicate.Notes);
            db.Customers.Remove(duplicate);
            await db.SaveChangesAsync(token);
            kept.Phone ??= phone;
            kept.Email ??= email;
            if (notes.Length > 0 && !kept.Notes.Contains(notes, StringComparison.Ordinal))
            {
                var both = kept.Notes.Length == 0 ? notes : $"{kept.Notes}\n{notes}";
                kept.Notes = both[..Math.Min(both.Length, Customer.MaxNotesLength)];
            }
            kept.CreatedAt = kept.CreatedAt < duplicate.CreatedAt ? kept.CreatedAt : duplicate.CreatedAt;
            db.AuditEntries.Add(audit);
            await db.SaveChangesAsync(token);
        }, token => db.AuditEntries.AnyAsync(a => a.Id == audit.Id, token), ct);
        return true;
    }
}
