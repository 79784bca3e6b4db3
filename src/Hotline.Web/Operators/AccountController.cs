using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

[Route("account")]
public sealed class AccountController(SignInManager<HotlineUser> signIn, Audit audit, HotlineDbContext db) : Controller
{
    [AllowAnonymous, HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("sign-in")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid) return View(form);
        // lockoutOnFailure: five wrong passwords lock the account (configured in HotlineSetup).
        var result = await signIn.PasswordSignInAsync(form.Email.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            audit.Record("account.sign-in", actor: "anonymous", actorName: form.Email.Trim());
            await db.SaveChangesAsync();
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
        }
        // A right password of an account with an authenticator: the code next (TwoFactorSignInController).
        if (result.RequiresTwoFactor)
        {
            return Redirect(TwoFactorSignInController.Path
                + (Url.IsLocalUrl(form.ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl!) : ""));
        }
        ModelState.AddModelError("", !result.IsLockedOut ? "Email or password is wrong."
            : await IsDeactivatedAsync(form.Email.Trim()) ? "This account has been deactivated. Ask an admin if you still need it."
            : "This account is locked after too many failed attempts. Wait 15 minutes or ask an admin to unlock it.");
        audit.Record(result.IsLockedOut ? "account.locked" : "account.sign-in-failed", actor: "anonymous", actorName: form.Email.Trim());
        await db.SaveChangesAsync();
        return View(form);
    }

    // Deactivation is a lockout that never ends (UserDesk): say so, rather than "wait 15 minutes".
    private async Task<bool> IsDeactivatedAsync(string email) =>
        await signIn.UserManager.FindByEmailAsync(email) is { } user && user.LockoutEnd == UserDesk.DeactivatedUntil;

    [HttpPost("sign-out"), AllowWithoutTwoFactor]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/sign-in");
    }

    /// <summary>The cookie handler redirects here on a missing role; the page itself answers 403 so the refusal is honest.</summary>
    [AllowAnonymous, HttpGet("denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
