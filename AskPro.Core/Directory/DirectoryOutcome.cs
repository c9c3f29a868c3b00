namespace AskPro.Core.Directory;

/// <summary>A field of a directory form and what is wrong with it, in German for the person who typed it.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>What a change to the directory (branch, service, staff member, absence) came to.
/// Invalid input changes nothing.</summary>
public abstract record DirectoryOutcome
{
    public sealed record Saved(Guid Id) : DirectoryOutcome;

    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : DirectoryOutcome
    {
        public Invalid(string field, string message) : this([new FieldError(field, message)]) { }
    }

    /// <summary>No such record in this company (also: another company's id).</summary>
    public sealed record NotFound : DirectoryOutcome;
}
