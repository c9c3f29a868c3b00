using AskPro.Core.Booking;
using AskPro.Core.CustomerPortal;
using AskPro.Core.CustomerPortal.RedeemSignInLink;
using AskPro.Core.CustomerPortal.RequestSignInLink;
using AskPro.Core.CustomerPortal.UpdateMyDetails;
using AskPro.Core.Customers;
using AskPro.Core.Customers.EraseCustomer;
using AskPro.Core.Customers.ExportCustomerData;
using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;
using AskPro.Infrastructure.Notifications;
using AskPro.Infrastructure.OnlineBooking;
using AskPro.Infrastructure.Portal;

namespace AskPro.Infrastructure.CustomerPortal;

/// <summary>Everything the customer portal does, in the company of the customer's session (or,
/// before sign-in, of the URL), never the circuit's: reads scoped to the one customer, and every
/// move and cancellation through the engine with the customer channel's rules
/// (<see cref="AppointmentSource.CustomerPortal"/>: the same notice as on the phone). An
/// appointment id that is not the customer's is <see cref="PortalChange.NotFound"/>, whoever's it is.</summary>
public sealed class CustomerPortalCalls(EngineCalls engine, OnlineBookingCalls slots, SmtpOptions smtp, TimeProvider clock)
{
    public Task<SignInLinkOutcome> RequestLinkAsync(TenantId company, SignInLinkRequest request, CancellationToken ct) =>
        engine.RunForAsync<RequestSignInLink, SignInLinkOutcome>(company, use => use.RunAsync(request, ct));

    public Task<RedeemOutcome> RedeemAsync(TenantId company, string? token, CancellationToken ct) =>
        engine.RunForAsync<RedeemSignInLink, RedeemOutcome>(company, use => use.RunAsync(token, ct));

    /// <summary>The customer and their appointments at this company, newest first; null when the
    /// customer is gone or erased (the session is then over).</summary>
    public Task<PortalView?> ViewAsync(CustomerSession session, CancellationToken ct) =>
        engine.RunForAsync<CustomerPortalQueries, PortalView?>(session.Company, queries => queries.ViewAsync(session.CustomerId, ct));

    public Task<PortalAppointment?> AppointmentAsync(CustomerSession session, Guid appointmentId, CancellationToken ct) =>
        engine.RunForAsync<CustomerPortalQueries, PortalAppointment?>(session.Company, queries => queries.AppointmentAsync(session.CustomerId, appointmentId, ct));

    public async Task<PortalChange> CancelAsync(CustomerSession session, Guid appointmentId, CancellationToken ct)
    {
        if (await AppointmentAsync(session, appointmentId, ct) is not { IsActive: true } mine) return new PortalChange.NotFound();
        var outcome = await engine.RunForAsync<Cancel, CancelOutcome>(session.Company, cancel =>
            cancel.RunAsync(new CancelRequest(mine.Id, "Vom Kunden im Kundenportal abgesagt", AppointmentSource.CustomerPortal, session.Actor), ct));
        return outcome switch
        {
            CancelOutcome.Cancelled => await DoneAsync(session, mine.Id, ct),
            CancelOutcome.PolicyViolated => new PortalChange.TooLate(mine.CancellationNoticeHours),
            _ => new PortalChange.NotFound(),
        };
    }

    /// <summary>Days of the next two weeks from <paramref name="fromDay"/> on with a free start for the same service and staff member.</summary>
    public async Task<IReadOnlyList<DateOnly>> MoveDaysAsync(CustomerSession session, PortalAppointment mine, DateOnly fromDay, CancellationToken ct) =>
        await slots.DaysWithTimeAsync(session.Company, WishOf(mine), fromDay, session.Holder, ct);

    public Task<IReadOnlyList<Slot>> MoveSlotsAsync(CustomerSession session, PortalAppointment mine, DateOnly day, CancellationToken ct) =>
        slots.SlotsOnAsync(session.Company, WishOf(mine), day, session.Holder, ct);

    /// <summary>Moves the appointment through the engine's Reschedule (same staff member and service).</summary>
    public async Task<PortalChange> MoveAsync(CustomerSession session, Guid appointmentId, DateTime newStartUtc, CancellationToken ct)
    {
        if (await AppointmentAsync(session, appointmentId, ct) is not { IsActive: true } mine) return new PortalChange.NotFound();
        var outcome = await engine.RunForAsync<Reschedule, RescheduleOutcome>(session.Company, reschedule =>
            reschedule.RunAsync(new RescheduleRequest(mine.Id, newStartUtc, AppointmentSource.CustomerPortal, session.Actor), ct));
        return outcome switch
        {
            RescheduleOutcome.Moved => await DoneAsync(session, mine.Id, ct),
            RescheduleOutcome.PolicyViolated { Rule: BookingRule.CancellationNotice } => new PortalChange.TooLate(mine.CancellationNoticeHours),
            RescheduleOutcome.SlotTaken or RescheduleOutcome.PolicyViolated =>
                new PortalChange.Taken(await slots.AlternativesAsync(session.Company, WishOf(mine), newStartUtc, session.Holder, ct)),
            _ => new PortalChange.Refused(),
        };
    }

    public Task<MyDetailsOutcome> UpdateDetailsAsync(CustomerSession session, MyDetails details, CancellationToken ct) =>
        engine.RunForAsync<UpdateMyDetails, MyDetailsOutcome>(session.Company, use => use.RunAsync(session.CustomerId, details, ct));

    /// <summary>The customer's own data (GDPR Art. 15/20), audited as asked by the customer.</summary>
    public Task<CustomerDataExport?> ExportAsync(CustomerSession session, CancellationToken ct) =>
        engine.RunForAsync<ExportCustomerData, CustomerDataExport?>(session.Company, use => use.RunAsync(session.CustomerId, session.Actor, ct));

    /// <summary>The customer asks to be forgotten (GDPR Art. 17): the same erasure as by the company.</summary>
    public Task<EraseOutcome> EraseAsync(CustomerSession session, CancellationToken ct) =>
        engine.RunForAsync<EraseCustomer, EraseOutcome>(session.Company, use => use.RunAsync(session.CustomerId, session.Actor, ct));

    /// <summary>The appointment's calendar file (the same entry, UID and sequence as the notifications' attachment), or null when it is not the customer's.</summary>
    public async Task<string?> CalendarFileAsync(CustomerSession session, Guid appointmentId, string companyName, CancellationToken ct)
    {
        if (await AppointmentAsync(session, appointmentId, ct) is not { } mine) return null;
        var entry = new CalendarEntry(mine.Id, mine.StartUtc, mine.EndUtc, $"{mine.Service} – {companyName}", mine.Address, $"{mine.Service} bei {mine.Staff}",
            companyName, smtp.FromAddress, CustomerNotices.SequenceAt(mine.UpdatedAt), !mine.IsActive);
        return AppointmentCalendarFile.Write(entry, clock.GetUtcNow().UtcDateTime);
    }

    private async Task<PortalChange> DoneAsync(CustomerSession session, Guid appointmentId, CancellationToken ct) =>
        await AppointmentAsync(session, appointmentId, ct) is { } now ? new PortalChange.Done(now) : new PortalChange.NotFound();

    private static OnlineWish WishOf(PortalAppointment mine) => new(mine.BranchId, mine.ServiceId, mine.StaffId);
}
