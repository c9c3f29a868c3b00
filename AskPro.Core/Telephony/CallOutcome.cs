namespace AskPro.Core.Telephony;

public enum CallOutcome { Ongoing, Booked, Resolved, Unresolved, Ended, Failed }

public static class CallOutcomes
{
    /// <summary>What the call achieved, from the facts the call row has: a booking made in the
    /// call wins; otherwise Retell's own analysis (call_successful) when it has come.</summary>
    public static CallOutcome Of(Call call) => call switch
    {
        { Status: CallStatus.Error } => CallOutcome.Failed,
        { AppointmentId: not null } => CallOutcome.Booked,
        { Status: CallStatus.Registered or CallStatus.Ongoing } => CallOutcome.Ongoing,
        { Successful: true } => CallOutcome.Resolved,
        { Successful: false } => CallOutcome.Unresolved,
        _ => CallOutcome.Ended,
    };
}
