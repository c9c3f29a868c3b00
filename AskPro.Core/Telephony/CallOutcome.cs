namespace AskPro.Core.Telephony;

public enum CallOutcome { Ongoing, Booked, Resolved, Unresolved, Ended, Failed }

public static class CallOutcomes
{
    /// <summary>What the call achieved, from the facts the call row has: a booking made in the
    /// call wins; otherwise Retell's own analysis (call_successful) when it has come.</summary>
    public static CallOutcome Of(Call call) => Of(call.Status, call.AppointmentId, call.Successful);

    /// <summary>The same rule from the three facts alone, for read models that project them.</summary>
    public static CallOutcome Of(CallStatus status, Guid? appointmentId, bool? successful) => (status, appointmentId, successful) switch
    {
        (CallStatus.Error, _, _) => CallOutcome.Failed,
        (_, not null, _) => CallOutcome.Booked,
        (CallStatus.Registered or CallStatus.Ongoing, _, _) => CallOutcome.Ongoing,
        (_, _, true) => CallOutcome.Resolved,
        (_, _, false) => CallOutcome.Unresolved,
        _ => CallOutcome.Ended,
    };
}
