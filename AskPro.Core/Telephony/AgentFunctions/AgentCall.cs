using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.AgentFunctions;

/// <summary>The call a function runs in, resolved from the signed call object only.</summary>
public sealed record AgentCall(
    Guid CallRowId,
    string RetellCallId,
    string CompanyName,
    string CountryCode,
    int GridMinutes,
    Branch Branch,
    CallerId Caller,
    Guid? SelectedServiceId,
    Guid? SelectedStaffId);

/// <summary>Reads and writes the agent functions need, scoped to the call's company.</summary>
public interface IAgentData
{
    Task<IReadOnlyList<Service>> ServicesAsync(CancellationToken ct);

    /// <summary>Active staff of the branch, with the services they perform.</summary>
    Task<IReadOnlyList<Staff>> StaffAsync(Guid branchId, CancellationToken ct);

    /// <summary>Appointments (with buffers) of these staff members overlapping the range.</summary>
    Task<IReadOnlyList<BusyTime>> BookedAsync(IReadOnlyList<Guid> staffIds, TimeInterval range, Guid? exceptAppointment, CancellationToken ct);

    Task RememberSelectionAsync(Guid callRowId, Guid serviceId, Guid? staffId, CancellationToken ct);
    Task<Customer?> CustomerByPhoneAsync(E164Number phone, CancellationToken ct);

    /// <summary>The active appointment this call already booked at this start (idempotent retries).</summary>
    Task<Appointment?> BookedByCallAsync(Guid callRowId, DateTime startUtc, CancellationToken ct);

    Task<IReadOnlyList<Appointment>> UpcomingAsync(Guid customerId, DateTime fromUtc, CancellationToken ct);
    Task AddCallbackAsync(CallbackRequest request, CancellationToken ct);
    Task LinkAsync(Guid callRowId, Guid? customerId, Guid? appointmentId, CancellationToken ct);
}

/// <summary>The answer a function gives the agent (CONTRACTS.md envelope).</summary>
public sealed record FunctionReply(bool Success, string Status, string Message, IReadOnlyDictionary<string, object?> Data)
{
    public static FunctionReply Ok(string status, string message, Dictionary<string, object?>? data = null) =>
        new(true, status, message, data ?? []);

    public static FunctionReply Fail(string status, string message, Dictionary<string, object?>? data = null) =>
        new(false, status, message, data ?? []);
}

/// <summary>An offered time: ISO with the branch's offset, and German for the ear.</summary>
public sealed record OfferedSlot(string Start, string Spoken);
