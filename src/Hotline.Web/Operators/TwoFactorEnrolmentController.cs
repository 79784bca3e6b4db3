using System.Security.Claims;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

/// <summary>
/// Setting up the authenticator app for the signed-in user: a QR code and the key as text, confirmed with a code;
/// then ten recovery codes, shown once and never stored in clear. Reached before any other page by a Supervisor or
/// Admin without a second factor (<see cref="TwoFactorGate"/>), the first admin included.
/// </summary>
[Route("account/two-factor"), Authorize(Policy = Policies.Console), AllowWithoutTwoFactor]
public sealed class TwoFactorEnrolmentController(
    SignInManager<HotlineUser> signIn, UserManager<HotlineUser> users, TwoFactorRules rules, Audit audit, HotlineDbContext db)
    : Controller
{
    [HttpGet("enrol")]
    public async Task<IActionResult> Enrol()
    {
        if (await users.GetUserAsync(User) is not { } user) return await SignInAgainAsync();
        if (!user.TwoFactorEnabled) return View("Enrol", await EnrolmentAsync(user, new AuthenticatorCodeForm()));
        // Enrolled, but this session was opened before (on another device, say): prove the second factor first.
        if (!TwoFactorRules.UsedSecondFactor(User)) return await SignInAgainAsync();
        return View("Status", new TwoFactorStatus(await users.CountRecoveryCodesAsync(user), new AuthenticatorCodeForm()));
    }

    [HttpPost("enrol")]
    public async Task<IActionResult> Enrol(AuthenticatorCodeForm form)
    {
        if (await users.GetUserAsync(User) is not { } user) return await SignInAgainAsync();
        if (user.TwoFactorEnabled) return Redirect(TwoFactorGate.EnrolPath);
        if (ModelState.IsValid && !await IsRightCodeAsync(user, form.Code))
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Codes change every 30 seconds: try the one shown now.");
        if (!ModelState.IsValid) return View("Enrol", await EnrolmentAsync(user, form));

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorRules.RecoveryCodeCount);
        audit.Record("account.two-factor-enrolled", detail: $"{TwoFactorRules.RecoveryCodeCount} recovery codes issued");
        await db.SaveChangesAsync();
        // Enabling changed the security stamp; a fresh cookie that says a second factor was proven (the code just typed).
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorRules.MethodClaim, TwoFactorRules.SecondFactor)]);
        return View("RecoveryCodes", codes?.ToList() ?? []);
    }

    /// <summary>New recovery codes (the old ones stop working); asks for a current code so a left-open console cannot.</summary>
    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes(AuthenticatorCodeForm form)
    {
        if (await users.GetUserAsync(User) is not { } user) return await SignInAgainAsync();
        if (!user.TwoFactorEnabled || !TwoFactorRules.UsedSecondFactor(User)) return Redirect(TwoFactorGate.EnrolPath);
        if (ModelState.IsValid && !await IsRightCodeAsync(user, form.Code))
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Codes change every 30 seconds: try the one shown now.");
        if (!ModelState.IsValid) return View("Status", new TwoFactorStatus(await users.CountRecoveryCodesAsync(user), form));

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorRules.RecoveryCodeCount);
        audit.Record("account.recovery-codes-renewed", detail: $"{TwoFactorRules.RecoveryCodeCount} recovery codes issued");
        await db.SaveChangesAsync();
        return View("RecoveryCodes", codes?.ToList() ?? []);
    }

    private Task<bool> IsRightCodeAsync(HotlineUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, TwoFactorRules.Normalize(code));

    /// <summary>The key is kept until enrolment succeeds, so reloading the page does not undo a scan.</summary>
    private async Task<EnrolmentPage> EnrolmentAsync(HotlineUser user, AuthenticatorCodeForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key changes the security stamp: renew this session's cookie so it stays valid.
            await signIn.RefreshSignInAsync(user);
        }
        var uri = rules.OtpAuthUri(user.Email ?? user.UserName ?? user.Id, key);
        return new EnrolmentPage(AuthenticatorQr.DataUri(uri), TwoFactorRules.Grouped(key), form);
    }

    private async Task<IActionResult> SignInAgainAsync()
    {
        await signIn.SignOutAsync();
        TempData["Error"] = "Sign in again with your authenticator code.";
        return Redirect("/account/sign-in");
    }
}
