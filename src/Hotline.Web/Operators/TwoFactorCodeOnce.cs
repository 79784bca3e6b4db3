using System.Globalization;
using Hotline.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Hotline.Web.Operators;

/// <summary>
/// The authenticator (TOTP) check, with each code good for one sign-in. Identity's own provider accepts a code again and
/// again for its whole window (±90 s), so a code read over a shoulder or from a phishing page still worked after its owner
/// used it. Here the time step of the last accepted code is kept per user (an Identity authentication token, no new
/// column) and a code of that step or an earlier one is refused. A refusal is a wrong code to SignInManager: it counts
/// toward the lockout. Two sign-ins racing with one code: the user row's concurrency stamp lets only one save the step.
/// </summary>
public sealed class TwoFactorCodeOnce(HotlineDbContext db) : AuthenticatorTokenProvider<HotlineUser>
{
    public const string Name = "HotlineAuthenticator";
    public const string TokenProvider = "Hotline";
    public const string LastStepToken = "LastAuthenticatorStep";
    /// <summary>The same window Identity allows: two steps (60 s) either side of now, for phones with a drifting clock.</summary>
    private static readonly VerificationWindow Window = new(previous: 2, future: 2);

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<HotlineUser> manager, HotlineUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(DateTime.UtcNow, token, out var step, Window)) return false;

        var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
        if (!IsNewer(step, last)) return false;
        try
        {
            var saved = await manager.SetAuthenticationTokenAsync(
                user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            if (saved.Succeeded) return true;
        }
        catch (DbUpdateException)
        {
            // The other sign-in inserted the first step token of this user at the same moment: it won.
        }
        await ForgetLosingWriteAsync(user);
        return false;
    }

    /// <summary>The refused write stays tracked with a stale stamp; dropped, so the lockout count and the audit still save.</summary>
    private async Task ForgetLosingWriteAsync(HotlineUser user)
    {
        foreach (var entry in db.ChangeTracker.Entries<IdentityUserToken<string>>().ToList()) entry.State = EntityState.Detached;
        await db.Entry(user).ReloadAsync();
    }

    /// <summary>True when <paramref name="step"/> comes after the last accepted one (or none was kept yet).</summary>
    public static bool IsNewer(long step, string? lastAccepted) =>
        !long.TryParse(lastAccepted, NumberStyles.None, CultureInfo.InvariantCulture, out var last) || step > last;
}
