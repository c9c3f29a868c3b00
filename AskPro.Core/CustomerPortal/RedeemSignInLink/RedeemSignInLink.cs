namespace AskPro.Core.CustomerPortal.RedeemSignInLink;

public abstract record RedeemOutcome
{
    /// <summary>The link was good: the customer may be signed in (and shown the appointment they came for).</summary>
    public sealed record SignedIn(Guid CustomerId, Guid? AppointmentId) : RedeemOutcome;

    /// <summary>Unknown, already used, expired, or another company's link: all look the same.</summary>
    public sealed record Invalid : RedeemOutcome;
}

/// <summary>Turns a magic link into a sign-in, once: the token is looked up by its hash in the
/// company of the link, must be unused and younger than <see cref="CustomerSignInLink.Lifetime"/>,
/// and is used up in the same statement.</summary>
public sealed class RedeemSignInLink(ICustomerPortalStore store, TimeProvider clock)
{
    public const int MaxTokenLength = 100;

    public async Task<RedeemOutcome> RunAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return new RedeemOutcome.Invalid();
        var link = await store.UseLinkAsync(CustomerSignInLink.HashOf(token), clock.GetUtcNow().UtcDateTime, ct);
        if (link is null || await store.FindAsync(link.CustomerId, ct) is not { } customer || (customer.Phone is null && customer.Email is null))
            return new RedeemOutcome.Invalid();
        return new RedeemOutcome.SignedIn(customer.Id, link.AppointmentId);
    }
}
