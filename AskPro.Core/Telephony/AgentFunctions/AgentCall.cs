using AskPro.Core.Customers;
using AskPro.Core.Directory;
using AskPro.Core.Scheduling;

namespace AskPro.Core.Telephony.AgentFunctions;

/// <summary>The call a function runs in, resolved from the signed call object only: the
/// company's directory, the called branch, who is calling (the number, and the customer with
/// their upcoming appointments if the company knows them), and what earlier functions of this
/// call settled on.</summary>
public sealed record AgentCall(
    Guid CallRowId,
    string RetellCallId,
    DirectorySnapshot Directory,
    Branch Branch,
    CallerId Caller,
    KnownCaller Known,
    Guid? SelectedServiceId,
    Guid? SelectedStaffId)
{
    public Company Company => Directory.Company;
}

/// <summary>The caller as the company knows them: the customer with this number (none for
/// anonymous or new callers) and their upcoming active appointments.</summary>
public sealed record KnownCaller(Customer? Customer, IReadOnlyList<Appointment> Upcoming)
{
    public static KnownCaller Unknown { get; } = new(null, []);
}

/// <summary>Reads and writes of the phone path that are about the call itself, scoped to the
/// call's company. Booking goes through the booking use cases, customers through
/// <see cref="FindOrCreateCustomer"/>.</summary>
public interface IAgentData
{
    Task RememberSelectionAsync(Guid callRowId, Guid serviceId, Guid? staffId, CancellationToken ct);

    /// <summary>The active appointment this call already booked at this start (idempotent retries).</summary>
    Task<Appointment?> BookedByCallAsync(Guid callRowId, DateTime startUtc, CancellationToken ct);

    Task AddCallbackAsync(CallbackRequest request, CancellationToken ct);
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
