using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

[Route("users"), Authorize(Policy = Policies.Admin)]
public sealed class UsersController(UserManager<HotlineUser> users, Audit audit, HotlineDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await ListAsync(new NewUserForm()));

    [HttpPost("")]
    public async Task<IActionResult> Add(NewUserForm form)
    {
        if (ModelState.IsValid)
        {
            var result = await UserAccounts.CreateAsync(
                users, form.Email.Trim(), form.DisplayName.Trim(), form.Password, [form.Role], form.OperatorPhone?.Trim());
            if (result.Succeeded)
            {
                audit.Record("user.add", detail: $"{form.Email.Trim()} as {form.Role}");
                await db.SaveChangesAsync();
                TempData["Flash"] = $"{form.DisplayName} can now sign in as {form.Role}.";
                return RedirectToAction(nameof(Index));
            }
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
        }
        return View("Index", await ListAsync(form));
    }

    private async Task<UserList> ListAsync(NewUserForm form)
    {
        var all = await db.Users.OrderBy(u => u.DisplayName).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync();
        var rows = all.Select(
            u => new UserRow(u.DisplayName, u.Email ?? "", string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)),
            u.OperatorPhone, u.LockoutEnd > DateTimeOffset.UtcNow)).ToList();
        return new UserList(rows, form);
    }
}

public sealed record UserRow(string Name, string Email, string Roles, string? OperatorPhone, bool LockedOut);

public sealed record UserList(IReadOnlyList<UserRow> Users, NewUserForm Form);
