using System.Security.Cryptography;
using AskPro.Core.Tenancy;
using Microsoft.AspNetCore.DataProtection;

namespace AskPro.Infrastructure.Waitlist;

/// <summary>A waitlist offer as its link carries it: which company, which offer.</summary>
public sealed record OfferLink(TenantId Company, Guid OfferId);

/// <summary>The opaque token in a waitlist offer's link: the company and the offer, protected
/// with Data Protection (nobody can forge or alter one, or learn anything from it). Expiry and
/// single use are the offer row's (<see cref="Core.Waitlist.WaitlistOffer"/>), on the app's clock.</summary>
public sealed class WaitlistLinks(IDataProtectionProvider protection)
{
    public const int MaxTokenLength = 1024;
    private readonly IDataProtector _protector = protection.CreateProtector("AskPro.Waitlist.Offer.v1");

    public string Token(Guid companyId, Guid offerId) => _protector.Protect($"{companyId:N}.{offerId:N}");

    public string PathFor(Guid companyId, Guid offerId) => "/waitlist/" + Token(companyId, offerId);

    public OfferLink? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        string plain;
        try { plain = _protector.Unprotect(token); }
        catch (CryptographicException) { return null; }
        var parts = plain.Split('.');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var company) && Guid.TryParseExact(parts[1], "N", out var offer)
            ? new OfferLink(TenantId.From(company), offer)
            : null;
    }
}
