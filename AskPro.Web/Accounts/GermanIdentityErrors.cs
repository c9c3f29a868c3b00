using Microsoft.AspNetCore.Identity;

namespace AskPro.Web.Accounts;

/// <summary>Identity's refusals (password rules above all) in German, for the sign-up and
/// password pages. Codes stay Identity's, so callers can still tell them apart.</summary>
public sealed class GermanIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Das Passwort muss mindestens {length} Zeichen lang sein." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Das Passwort braucht mindestens ein Sonderzeichen (z. B. ! ? # %)." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Das Passwort braucht mindestens eine Ziffer (0–9)." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Das Passwort braucht mindestens einen Kleinbuchstaben (a–z)." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Das Passwort braucht mindestens einen Großbuchstaben (A–Z)." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Das Passwort braucht mindestens {uniqueChars} verschiedene Zeichen." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Das Passwort ist falsch." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Der Link ist ungültig oder abgelaufen." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = "Bitte eine gültige E-Mail-Adresse angeben." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "Bitte eine gültige E-Mail-Adresse angeben." };
    // Never names the address: the sign-up page must not reveal who has an account.
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = "Diese E-Mail-Adresse kann nicht verwendet werden." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = "Diese E-Mail-Adresse kann nicht verwendet werden." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Das hat nicht geklappt. Bitte versuchen Sie es noch einmal." };
}
