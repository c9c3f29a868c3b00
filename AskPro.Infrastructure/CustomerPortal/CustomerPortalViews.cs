using AskPro.Core.Scheduling;
using AskPro.Core.Tenancy;

namespace AskPro.Infrastructure.CustomerPortal;

/// <summary>Who is signed in to the customer portal: one customer of one company (from the
/// customer cookie, never from a staff sign-in).</summary>
public sealed record CustomerSession(TenantId Company, Guid CustomerId)
{
    /// <summary>The audit's actor for what the customer does themselves.</summary>
    public string Actor => "customer:" + CustomerId;

    /// <summary>The customer's own holds never hide a time from them.</summary>
    public string Holder => "customer-portal:" + CustomerId.ToString("N");
}

public sealed record PortalCustomer(Guid Id, string Name, string? Email, string? Phone, bool NoReminders, bool OptedOutOfEmail, bool OptedOutOfSms, string Language);

/// <summary>One of the customer's appointments as the portal shows it.</summary>
public sealed record PortalAppointment(
    Guid Id, DateTime StartUtc, DateTime EndUtc, AppointmentStatus Status,
    Guid BranchId, Guid ServiceId, Guid StaffId, string Service, string Staff, string Branch, string Address, string TimeZoneId,
    int CancellationNoticeHours, DateTime UpdatedAt)
{
    public bool IsActive => Status is AppointmentStatus.Scheduled or AppointmentStatus.Confirmed or AppointmentStatus.Pending;

    public bool IsUpcoming(DateTime nowUtc) => IsActive && EndUtc > nowUtc;

    /// <summary>Until when the customer may move or cancel it themselves (the engine decides; this is what the page says).</summary>
    public DateTime ChangeableUntilUtc => StartUtc.AddHours(-CancellationNoticeHours);
}

public sealed record PortalView(PortalCustomer Customer, IReadOnlyList<PortalAppointment> Appointments);

/// <summary>What a cancellation or a move from the portal came to.</summary>
public abstract record PortalChange
{
    public sealed record Done(PortalAppointment Appointment) : PortalChange;

    /// <summary>Inside the company's notice: the customer must call.</summary>
    public sealed record TooLate(int NoticeHours) : PortalChange;

    /// <summary>The new time is taken or not offered: the engine's alternatives.</summary>
    public sealed record Taken(IReadOnlyList<Slot> Alternatives) : PortalChange;

    /// <summary>Not the customer's appointment, or no longer there (→ 404).</summary>
    public sealed record NotFound : PortalChange;

    /// <summary>The engine or the calendar said no for another reason; nothing changed.</summary>
    public sealed record Refused : PortalChange;
}
