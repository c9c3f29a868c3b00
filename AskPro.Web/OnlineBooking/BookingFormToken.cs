using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace AskPro.Web.OnlineBooking;

public enum FormTokenCheck { Valid, TooFast, TooOld, Invalid }

/// <summary>A signed note of when the booking form was shown and for which company (Data
/// Protection, no third party): a form sent back too soon after it was shown was filled by a
/// script, one sent too late is stale; a token of another company or a forged one is refused.</summary>
public sealed class BookingFormToken(IDataProtectionProvider protection, TimeProvider clock, IOptions<OnlineBookingOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("AskPro.OnlineBooking.FormToken.v1");

    public string Issue(string tenantKey) =>
        _protector.Protect(tenantKey + "|" + clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    public FormTokenCheck Check(string? token, string tenantKey)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024) return FormTokenCheck.Invalid;
        string plain;
        try { plain = _protector.Unprotect(token); }
        catch (CryptographicException) { return FormTokenCheck.Invalid; }
        var bar = plain.LastIndexOf('|');
        if (bar < 0 || plain[..bar] != tenantKey || !long.TryParse(plain[(bar + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var issuedMs))
            return FormTokenCheck.Invalid;
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        if (age < TimeSpan.FromSeconds(options.Value.MinSecondsToSubmit)) return FormTokenCheck.TooFast;
        return age > TimeSpan.FromMinutes(options.Value.MaxFormMinutes) ? FormTokenCheck.TooOld : FormTokenCheck.Valid;
    }
}
