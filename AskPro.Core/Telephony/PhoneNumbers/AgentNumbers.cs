using AskPro.Core.Directory;
using AskPro.Core.Operations;
using AskPro.Core.Shared;

namespace AskPro.Core.Telephony.PhoneNumbers;

/// <summary>What adding a number for the phone agent came to. Only <see cref="Assigned"/> saved anything.</summary>
public abstract record NumberOutcome
{
    public sealed record Assigned(E164Number Number) : NumberOutcome;

    /// <summary>Input the admin can fix (German, per field).</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : NumberOutcome
    {
        public Invalid(string field, string message) : this([new FieldError(field, message)]) { }
    }

    /// <summary>The voice platform refused or failed (German message, retry possible).</summary>
    public sealed record Failed(Provisioning.PlatformError Error) : NumberOutcome
    {
        public string Message => Error.German;
    }

    /// <summary>No such branch in this company.</summary>
    public sealed record NotFound : NumberOutcome;
}

/// <summary>Whose a number is, across the installation (never which other company).</summary>
public abstract record NumberOwner
{
    public sealed record Nobody : NumberOwner;
    public sealed record ThisCompany(Guid BranchId) : NumberOwner;
    public sealed record AnotherCompany : NumberOwner;
}

/// <summary>The agent numbers of the installation: unique across all companies, held by the
/// database's unique index (a check before is only for a friendly answer).</summary>
public interface IAgentNumberStore
{
    /// <summary>A platform-wide look-up that tells only whether the number is free, ours or someone else's.</summary>
    Task<NumberOwner> OwnerAsync(E164Number number, CancellationToken ct);

    /// <summary>Stores the number with its audit entry; false when the database refused it as
    /// taken (another company was quicker): then nothing is saved.</summary>
    Task<bool> AddAsync(PhoneNumber number, AuditEntry audit, CancellationToken ct);
}

/// <summary>The sentences and rules both ways of getting a number share.</summary>
internal static class AgentNumberRules
{
    public const string TakenByAnother = "Diese Rufnummer ist bereits einem anderen Betrieb zugeordnet. Bitte prüfen Sie die Nummer oder wenden Sie sich an den AskPro-Support.";
    public const string AgentMissing = "Bitte richten Sie zuerst den Telefonassistenten ein (Schritt „Telefonassistent“).";

    public static AuditEntry Audit(string actor, string verb, DateTime at, E164Number number) => new()
    {
        Actor = actor, Action = "phone-number." + verb, EntityType = nameof(PhoneNumber), At = at, Details = number.Masked,
    };
}
