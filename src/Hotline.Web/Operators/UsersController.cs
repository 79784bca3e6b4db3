using System.Security.Claims;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

[Route("users"), Authorize(Policy = Policies.Admin)]
public sealed class UsersController(
    UserManager<HotlineUser> users, UserDesk desk, Audit audit, HotlineDbContext db, PasswordRules rules) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await ListAsync(new NewUserForm(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Add(NewUserForm form, CancellationToken ct)
    {
        var phone = OperatorPhoneNumber.Normalise(form.OperatorPhone);
        if (!string.IsNullOrWhiteSpace(form.OperatorPhone) && phone is null)
        {
            ModelState.AddModelError(nameof(form.OperatorPhone), OperatorPhoneNumber.Rule);
        }
        if (ModelState.IsValid)
        {
            var result = await UserAccounts.CreateAsync(
                users, form.Email.Trim(), form.DisplayName.Trim(), form.Password, [form.Role], phone);
            if (result.Succeeded)
            {
                audit.Record("user.add", detail: $"{form.Email.Trim()} as {form.Role}");
                await db.SaveChangesAsync(ct);
                TempData["Flash"] = $"{form.DisplayName} can now sign in as {form.Role}.";
                return RedirectToAction(nameof(Index));
            }
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
        }
        return View("Index", await ListAsync(form, ct));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken ct)
    {
        var user = await desk.FindAsync(id, ct);
        if (user is null) return NotFound();
        // The highest role held: the first admin holds Admin and Supervisor, and keeps Admin when saved.
        var role = Roles.All.Reverse().FirstOrDefault(r => user.Roles.Split(", ").Contains(r)) ?? Roles.Operator;
        var form = new UserForm { DisplayName = user.Name, Role = role, OperatorPhone = user.OperatorPhone };
        return View(new UserEditPage(user, form, rules.Words));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Save(string id, UserForm form, CancellationToken ct)
    {
        if (ModelState.IsValid && await desk.SaveAsync(id, form, Me) is { } refused) ModelState.AddModelError("", refused);
        if (ModelState.IsValid)
        {
            TempData["Flash"] = $"Saved: {form.DisplayName.Trim()}, {form.Role}.";
            return RedirectToAction(nameof(Edit), new { id });
        }
        var user = await desk.FindAsync(id, ct);
        return user is null ? NotFound() : View("Edit", new UserEditPage(user, form, rules.Words));
    }

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, string? password) =>
        Done(id, string.IsNullOrEmpty(password) ? "Write the new password." : await desk.ResetPasswordAsync(id, password),
            "Password reset. Tell them the new password in person or by phone, never by e-mail.");

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id) => Done(id, await desk.UnlockAsync(id), "Unlocked: they can sign in again.");

    [HttpPost("{id}/deactivate")]
    public async Task<IActionResult> Deactivate(string id) =>
        Done(id, await desk.DeactivateAsync(id, Me), "Deactivated: they can no longer sign in.");

    [HttpPost("{id}/reactivate")]
    public async Task<IActionResult> Reactivate(string id) =>
        Done(id, await desk.ReactivateAsync(id), "Reactivated: they can sign in again.");

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private IActionResult Done(string id, string? refused, string flash)
    {
        if (refused == "No such user.") return NotFound();
        TempData[refused is null ? "Flash" : "Error"] = refused ?? flash;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<UserList> ListAsync(NewUserForm form, CancellationToken ct) =>
        new(await desk.ListAsync(ct), form, rules.Words);
}

public sealed record UserList(IReadOnlyList<UserRow> Users, NewUserForm Form, string PasswordRules);

public sealed record UserEditPage(UserRow User, UserForm Form, string PasswordRules);
