using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>
/// Admins see who has two-factor sign-in and reset it for someone who lost both phone and recovery codes: the old key
/// and codes stop working, and the person sets up an authenticator again at their next sign-in.
/// </summary>
[Route("admin/two-factor"), Authorize(Policy = Policies.Admin)]
public sealed class StaffTwoFactorController(UserManager<HotlineUser> users, Audit audit, HotlineDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new StaffTwoFactorRow(u.Id, u.DisplayName, u.Email ?? "", u.TwoFactorEnabled)).ToListAsync();
        return View(rows);
    }

    [HttpPost("{userId}/reset")]
    public async Task<IActionResult> Reset(string userId)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return NotFound();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key nobody has seen, and no recovery codes: nothing the lost phone or paper knows still works.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        audit.Record("account.two-factor-reset", detail: user.Email);
        await db.SaveChangesAsync();
        TempData["Flash"] =
            $"Two-factor sign-in of {user.DisplayName} is reset: they set up their authenticator app again when they next sign in.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record StaffTwoFactorRow(string Id, string Name, string Email, bool Enrolled);
