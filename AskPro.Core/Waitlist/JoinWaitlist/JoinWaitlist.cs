using AskPro.Core.Booking;
using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Waitlist.JoinWaitlist;

/// <summary>A customer (a known id, or a contact found or created by the one rule set) asks to
/// wait for a service at a branch, with one staff member or anyone (null), on the branch's local
/// days <paramref name="FromDay"/>–<paramref name="ToDay"/>.</summary>
public sealed record JoinWaitlistRequest(Guid BranchId, Guid ServiceId, Guid? StaffId, DateOnly FromDay, DateOnly ToDay, Guid CustomerId,
    CustomerContact? Contact, AppointmentSource Source, string Actor);

public abstract record JoinWaitlistOutcome
{
    /// <summary>On the list (also when the customer already was: the days are widened, nothing doubled).</summary>
    public sealed record Joined(WaitlistEntry Entry) : JoinWaitlistOutcome;

    /// <summary><see cref="Field"/>: branch, service, staff, days, name, phone, email; <see cref="Reason"/> in German. Nothing stored.</summary>
    public sealed record Invalid(string Field, string Reason) : JoinWaitlistOutcome;
}

/// <summary>Puts a customer on the waitlist: checks the wish against the directory (a service
/// the branch offers, a staff member who performs it) and the days against today and the booking
/// horizon, then stores the entry. Freed slots are offered by the waitlist's event subscriber.</summary>
public sealed class JoinWaitlist(IWaitlistStore store, ITenantDirectory directory, FindOrCreateCustomer customers, BookingOptions options, TimeProvider clock)
{
    public async Task<JoinWaitlistOutcome> RunAsync(JoinWaitlistRequest request, CancellationToken ct)
    {
        var company = await directory.GetAsync(ct);
        if (company.Branch(request.BranchId) is not { } branch) return new JoinWaitlistOutcome.Invalid("branch", "Diesen Standort gibt es nicht.");
        if (company.Service(request.ServiceId) is not { } service) return new JoinWaitlistOutcome.Invalid("service", "Diese Leistung bieten wir nicht an.");
        var performing = company.Performing(branch.Id, service.Id);
        if (performing.Count == 0) return new JoinWaitlistOutcome.Invalid("service", $"{service.Name} wird an diesem Standort nicht angeboten.");
        if (request.StaffId is { } staffId && performing.All(s => s.Id != staffId))
            return new JoinWaitlistOutcome.Invalid("staff", $"Diese Person bietet {service.Name} hier nicht an.");

        var today = DateOnly.FromDateTime(BranchClock.ToLocal(clock.GetUtcNow().UtcDateTime, branch.TimeZoneId).DateTime);
        if (request.ToDay < request.FromDay) return new JoinWaitlistOutcome.Invalid("days", "Das Ende des Zeitraums liegt vor seinem Anfang.");
        if (request.ToDay < today) return new JoinWaitlistOutcome.Invalid("days", "Dieser Zeitraum liegt in der Vergangenheit.");
        if (request.ToDay > today.AddDays(options.HorizonDays))
            return new JoinWaitlistOutcome.Invalid("days", $"Die Warteliste reicht höchstens {options.HorizonDays} Tage voraus.");
        var from = request.FromDay < today ? today : request.FromDay;

        var customerId = request.CustomerId;
        if (customerId == Guid.Empty)
        {
            var found = request.Contact is null ? null : await customers.RunAsync(request.Contact with { Actor = request.Actor }, ct);
            if (found?.Resolved is not { } customer)
                return found is CustomerOutcome.Invalid invalid
                    ? new JoinWaitlistOutcome.Invalid(invalid.Field, invalid.Reason)
                    : new JoinWaitlistOutcome.Invalid("name", "Bitte Ihren Namen angeben.");
            customerId = customer.Id;
        }

        if (await store.FindWaitingAsync(customerId, service.Id, request.StaffId, ct) is { } waiting)
        {
            var (widerFrom, widerTo) = (from < waiting.FromDay ? from : waiting.FromDay, request.ToDay > waiting.ToDay ? request.ToDay : waiting.ToDay);
            if ((widerFrom, widerTo) != (waiting.FromDay, waiting.ToDay)) await store.WidenAsync(waiting.Id, widerFrom, widerTo, ct);
            (waiting.FromDay, waiting.ToDay) = (widerFrom, widerTo);
            return new JoinWaitlistOutcome.Joined(waiting);
        }
        var entry = new WaitlistEntry
        {
            CustomerId = customerId, BranchId = branch.Id, ServiceId = service.Id, StaffId = request.StaffId, FromDay = from, ToDay = request.ToDay,
            Source = request.Source, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await store.AddAsync(entry, ct);
        return new JoinWaitlistOutcome.Joined(entry);
    }
}
