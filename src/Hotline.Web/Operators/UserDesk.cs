using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>
/// Admins' changes to colleagues' accounts. Each change is audited in the same save as the change itself.
/// Deactivation is an Identity lockout that never ends (<see cref="DeactivatedUntil"/>): sign-in already refuses a
/// locked-out account, so no second flag can disagree with it, and the security stamp change ends open sessions.
/// </summary>
public sealed class UserDesk(UserManager<HotlineUser> users, HotlineDbContext db, Audit audit, TimeProvider clock)
{
    public static readonly DateTimeOffset DeactivatedUntil = DateTimeOffset.MaxValue;

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken ct)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct);
        var roles = await RolesAsync(null, ct);
        return all.Select(u => RowOf(u, roles)).ToList();
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : RowOf(user, await RolesAsync(id, ct));
    }

    /// <returns>null when saved, otherwise why not (fit to show next to the form).</returns>
    public async Task<string?> SaveAsync(string id, UserForm form, string actingUserId)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return "No such user.";
        var phone = string.IsNullOrWhiteSpace(form.OperatorPhone) ? null : OperatorPhoneNumber.Normalise(form.OperatorPhone);
        if (!string.IsNullOrWhiteSpace(form.OperatorPhone) && phone is null) return OperatorPhoneNumber.Rule;
        var current = await users.GetRolesAsync(user);
        if (id == actingUserId && current.Contains(Roles.Admin) && form.Role != Roles.Admin)
        {
            return "You cannot take the Admin role from yourself: ask another admin to do it.";
        }

        var changes = new List<string>();
        var name = form.DisplayName.Trim();
        if (name != user.DisplayName) changes.Add("name");
        if (phone != user.OperatorPhone) changes.Add(phone is null ? "phone removed" : "phone set");
        // The role shown is the highest held (the first admin is also a Supervisor): unchanged if that is still it.
        var roleChanged = Roles.All.Reverse().FirstOrDefault(current.Contains) != form.Role;
        if (roleChanged) changes.Add($"role {string.Join("/", current)} -> {form.Role}");
        if (changes.Count == 0) return null;

        user.DisplayName = name;
        user.OperatorPhone = phone;
        if (roleChanged)
        {
            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded) return Describe(removed);
            var added = await users.AddToRoleAsync(user, form.Role);
            if (!added.Succeeded) return Describe(added);
        }
        audit.Record("user.edit", detail: $"{user.Email}: {string.Join(", ", changes)}");
        var updated = await users.UpdateAsync(user); // saves the audit entry with it
        return updated.Succeeded ? null : Describe(updated);
    }

    public async Task<string?> ResetPasswordAsync(string id, string password)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return "No such user.";
        // Through a reset token: the new password is validated before the old one is replaced, in one update.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        audit.Record("user.password-reset", detail: user.Email);
        var reset = await users.ResetPasswordAsync(user, token, password); // also ends the account's open sessions
        return reset.Succeeded ? null : Describe(reset);
    }

    public async Task<string?> UnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return "No such user.";
        if (user.LockoutEnd == DeactivatedUntil) return "This account is deactivated: reactivate it instead.";
        audit.Record("user.unlock", detail: user.Email);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? null : Describe(updated);
    }

    public async Task<string?> DeactivateAsync(string id, string actingUserId)
    {
        if (id == actingUserId) return "You cannot deactivate your own account.";
        var user = await users.FindByIdAsync(id);
        if (user is null) return "No such user.";
        audit.Record("user.deactivate", detail: user.Email);
        user.LockoutEnabled = true;
        user.LockoutEnd = DeactivatedUntil;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return Describe(updated);
        var stamp = await users.UpdateSecurityStampAsync(user); // signs the account out everywhere at the next check
        return stamp.Succeeded ? null : Describe(stamp);
    }

    public async Task<string?> ReactivateAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return "No such user.";
        audit.Record("user.reactivate", detail: user.Email);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? null : Describe(updated);
    }

    private UserRow RowOf(HotlineUser u, IReadOnlyList<(string UserId, string Role)> roles)
    {
        var deactivated = u.LockoutEnd == DeactivatedUntil;
        return new UserRow(
            u.Id, u.DisplayName, u.Email ?? "", string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Role)),
            u.OperatorPhone, !deactivated && u.LockoutEnd > clock.GetUtcNow(), deactivated);
    }

    private async Task<IReadOnlyList<(string UserId, string Role)>> RolesAsync(string? userId, CancellationToken ct)
    {
        var rows = await (from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where userId == null || ur.UserId == userId
                select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.UserId, r.Name ?? "")).ToList();
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}

public sealed record UserRow(
    string Id, string Name, string Email, string Roles, string? OperatorPhone, bool LockedOut, bool Deactivated)
{
    public string State => Deactivated ? "Deactivated" : LockedOut ? "Locked (too many failed sign-ins)" : "Active";
}
