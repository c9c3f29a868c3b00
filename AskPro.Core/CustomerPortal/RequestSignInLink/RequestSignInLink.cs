using AskPro.Core.Notifications;

namespace AskPro.Core.CustomerPortal.RequestSignInLink;

/// <param name="Address">What the visitor typed: an e-mail address or a phone number in any spelling.</param>
/// <param name="Region">The company's country, for numbers typed without a country code.</param>
/// <param name="AppointmentId">The appointment of the notification link they came with, if any.</param>
/// <param name="LinkBase">The absolute sign-in address of the company's portal; the token is appended.</param>
public sealed record SignInLinkRequest(string? Address, string Region, Guid? AppointmentId, string CompanyName, string LinkBase);

public abstract record SignInLinkOutcome
{
    /// <summary>Sent, or nobody of the company has that address: the visitor is told the same either way.</summary>
    public sealed record Answered : SignInLinkOutcome;

    /// <summary>A known customer's link could not be handed to the gateway (the caller logs it; the visitor still hears the same).</summary>
    public sealed record SendFailed(Exception Error) : SignInLinkOutcome;

    /// <summary>Neither an e-mail address nor a phone number.</summary>
    public sealed record NotAnAddress : SignInLinkOutcome;
}

/// <summary>Sends a customer a magic link to their portal, to the channel they named (the
/// e-mail address or the phone number they typed, never another one on file): single use,
/// valid for <see cref="CustomerSignInLink.Lifetime"/>, bound to the company (the store is the
/// company's) and to the customer; only its hash is stored. Whether anyone has that address is
/// never revealed by the outcome's text.</summary>
public sealed class RequestSignInLink(ICustomerPortalStore store, IEmailGateway email, ISmsGateway sms, TimeProvider clock)
{
    public async Task<SignInLinkOutcome> RunAsync(SignInLinkRequest request, CancellationToken ct)
    {
        if (PortalAddress.Parse(request.Address, request.Region) is not { } typed) return new SignInLinkOutcome.NotAnAddress();
        if (await store.FindByContactAsync(typed.Phone, typed.Email, ct) is not { } customer) return new SignInLinkOutcome.Answered();

        var appointment = request.AppointmentId is { } id && await store.OwnsAppointmentAsync(customer.Id, id, ct) ? id : (Guid?)null;
        var token = CustomerSignInLink.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        await store.AddLinkAsync(new CustomerSignInLink
        {
            CompanyId = customer.CompanyId, CustomerId = customer.Id, TokenHash = CustomerSignInLink.HashOf(token), AppointmentId = appointment,
            CreatedAtUtc = now, ExpiresAtUtc = now + CustomerSignInLink.Lifetime,
        }, ct);

        var message = new SignInLinkMessage(customer.Name, request.CompanyName, request.LinkBase + Uri.EscapeDataString(token), MessageTemplates.LanguageOf(customer.Language));
        try
        {
            if (typed.Phone is { } phone) await sms.SendAsync(new OutgoingSms(phone, message.Sms), ct);
            else await email.SendAsync(new OutgoingEmail(customer.Email!, message.Subject, message.Text, FromName: request.CompanyName), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new SignInLinkOutcome.SendFailed(ex);
        }
        return new SignInLinkOutcome.Answered();
    }
}
