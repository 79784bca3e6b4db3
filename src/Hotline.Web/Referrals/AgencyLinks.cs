using System.Globalization;
using System.Security.Cryptography;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Web.Referrals;

/// <summary>
/// The link an agency follows to answer one referral: an encrypted, single-purpose token carrying the
/// referral id and an expiry. The expiry is checked against the injected clock (not Data Protection's
/// time-limited protector, which reads the system clock) so deadlines behave the same in tests.
/// </summary>
public sealed class AgencyLinks(IDataProtectionProvider protection, TimeProvider clock, HotlineSettings settings)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);
    private readonly IDataProtector _protector = protection.CreateProtector("Hotline.Referrals.AgencyLink.v1");

    public string CreateToken(Guid referralId)
    {
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        return _protector.Protect($"{referralId:N}|{expires.ToString(CultureInfo.InvariantCulture)}");
    }

    public string LinkFor(Guid referralId)
    {
        // Without a public base URL start-up refuses (PublicLinkCheck), except in Development.
        var root = settings.PublicBaseUrl?.ToString().TrimEnd('/') ?? PublicLinkCheck.LocalBaseUrl;
        return $"{root}/agency/referrals/{CreateToken(referralId)}";
    }

    public LinkCheck Check(string? token)
    {
        // A link that was cut short or tampered with is simply invalid, whatever shape it has.
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048) return new LinkCheck(LinkState.Invalid, Guid.Empty);
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return new LinkCheck(LinkState.Invalid, Guid.Empty);
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var expires))
        {
            return new LinkCheck(LinkState.Invalid, Guid.Empty);
        }
        return clock.GetUtcNow().ToUnixTimeSeconds() > expires
            ? new LinkCheck(LinkState.Expired, id)
            : new LinkCheck(LinkState.Valid, id);
    }
}
