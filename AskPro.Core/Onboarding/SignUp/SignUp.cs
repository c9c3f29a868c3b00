using AskPro.Core.Directory;

namespace AskPro.Core.Onboarding.SignUp;

/// <summary>What a business owner enters on the sign-up page.</summary>
public sealed record SignUpRequest(string CompanyName, string AdminName, string Email, string Password, bool AcceptedTerms);

/// <summary>What a sign-up came to. The page answers <see cref="Created"/> and
/// <see cref="AlreadyRegistered"/> alike (no account enumeration); only the e-mail differs.</summary>
public abstract record SignUpOutcome
{
    /// <summary>A new Draft company with its unconfirmed admin.</summary>
    public sealed record Created(Guid CompanyId, string UserId) : SignUpOutcome;

    /// <summary>The address already has an account: nothing was created.</summary>
    public sealed record AlreadyRegistered(string UserId) : SignUpOutcome;

    /// <summary>The input is wrong (also: a password Identity's rules refuse); nothing was created.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SignUpOutcome;
}

/// <summary>The new company as the store creates it.</summary>
public sealed record NewCompany(string Name, string TenantKey, DateTime CreatedAt);

/// <summary>Creates the company and its first admin in one transaction: both or neither. The
/// password is checked by the account system's rules; a refused password creates nothing.</summary>
public interface ISignUpStore
{
    Task<SignUpOutcome> CreateAsync(NewCompany company, string adminName, string email, string password, CancellationToken ct);
}

/// <summary>Sign-up of a new business: a new tenant in Draft (it goes live at the end of the
/// onboarding wizard) and its admin, who confirms the e-mail address before signing in.</summary>
public sealed class SignUp(ISignUpStore store, TimeProvider clock)
{
    public async Task<SignUpOutcome> RunAsync(SignUpRequest request, CancellationToken ct)
    {
        var errors = Check(request, out var email);
        if (errors.Count > 0) return new SignUpOutcome.Invalid(errors);
        var name = request.CompanyName.Trim();
        var company = new NewCompany(name, TenantKeys.For(name), clock.GetUtcNow().UtcDateTime);
        return await store.CreateAsync(company, request.AdminName.Trim(), email!, request.Password, ct);
    }

    public static IReadOnlyList<FieldError> Check(SignUpRequest r, out string? email)
    {
        var errors = new List<FieldError>();
        void Add(FieldError? e) { if (e is not null) errors.Add(e); }
        Add(DirectoryAudit.CheckText(r.CompanyName, "companyName", "Der Firmenname", 100, "Bitte den Namen Ihres Unternehmens angeben."));
        Add(DirectoryAudit.CheckText(r.AdminName, "adminName", "Ihr Name", 100, "Bitte Ihren Namen angeben."));
        if (!Customers.EmailAddress.TryNormalize(r.Email, out email) || email is null)
            Add(new("email", "Bitte eine gültige E-Mail-Adresse angeben."));
        if (string.IsNullOrEmpty(r.Password)) Add(new("password", "Bitte ein Passwort wählen."));
        else if (r.Password.Length > 256) Add(new("password", "Das Passwort darf höchstens 256 Zeichen lang sein."));
        if (!r.AcceptedTerms) Add(new("terms", "Bitte stimmen Sie den Nutzungsbedingungen und der Datenschutzerklärung zu."));
        return errors;
    }
}
