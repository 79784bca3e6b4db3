using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Hotline.Web.Operators;

/// <summary>
/// The second step of signing in, after a right password (SignInManager keeps who in the short-lived hotline.2fa cookie).
/// Every wrong code or recovery code counts toward the same lockout as wrong passwords.
/// </summary>
[Route("account/two-factor")]
public sealed class TwoFactorSignInController(
    SignInManager<HotlineUser> signIn, UserManager<HotlineUser> users, Audit audit, HotlineDbContext db) : Controller
{
    public const string Path = "/account/two-factor";

    [AllowAnonymous, HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl) => await signIn.GetTwoFactorAuthenticationUserAsync() is null
        ? Redirect("/account/sign-in")
        : View(new TwoFactorForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Index(TwoFactorForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            TempData["Error"] = "Signing in took too long. Enter your email and password again.";
            return Redirect("/account/sign-in");
        }
        var code = TwoFactorRules.Normalize(form.Code);
        var recoveryCode = TwoFactorRules.NormalizeRecoveryCode(form.RecoveryCode);
        if (ModelState.IsValid && code.Length == 0 && recoveryCode.Length == 0)
            ModelState.AddModelError("", "Enter the 6-digit code from your authenticator app, or one of your recovery codes.");
        if (!ModelState.IsValid) return View(form);

        // lockout: TwoFactorAuthenticatorSignInAsync counts a wrong code itself; recovery codes are counted here.
        var result = code.Length > 0
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await RecoveryCodeSignInAsync(user, recoveryCode);
        if (result.Succeeded)
        {
            if (code.Length == 0)
            {
                audit.Record("account.recovery-code-used", actor: user.Id, actorName: user.Email,
                    detail: $"{await users.CountRecoveryCodesAsync(user)} recovery codes left");
            }
            audit.Record("account.sign-in", actor: user.Id, actorName: user.Email,
                detail: code.Length > 0 ? "with an authenticator code" : "with a recovery code");
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Wait 15 minutes or ask an admin to unlock it."
            : code.Length > 0
                ? "That code is not right, was used already, or has expired. Codes change every 30 seconds: wait for the next one."
                : "That recovery code is not right, or it was used already.");
        await CountUnsavedFailureAsync(user);
        audit.Record(result.IsLockedOut ? "account.locked" : "account.two-factor-failed", actor: "anonymous", actorName: user.Email);
        await db.SaveChangesAsync();
        return View(form);
    }

    /// <summary>
    /// Two sign-ins with one code at once: the loser's lockout count can fail to save because the winner changed the user row
    /// first, which leaves the user modified here and would fail the audit's save too (a 500). Read the user again and count
    /// the failure once more; lost a second time, it is logged by Identity and the audit still saves.
    /// </summary>
    private async Task CountUnsavedFailureAsync(HotlineUser user)
    {
        if (db.Entry(user).State != EntityState.Modified) return;
        await db.Entry(user).ReloadAsync();
        await users.AccessFailedAsync(user);
        if (db.Entry(user).State == EntityState.Modified) await db.Entry(user).ReloadAsync();
    }

    /// <summary>SignInManager neither refuses a locked account here nor counts a wrong recovery code: both done here.</summary>
    private async Task<SignInResult> RecoveryCodeSignInAsync(HotlineUser user, string recoveryCode)
    {
        if (await users.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (result.Succeeded) return result;
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
