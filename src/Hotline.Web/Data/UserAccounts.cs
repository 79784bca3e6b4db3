using Microsoft.AspNetCore.Identity;

namespace Hotline.Web.Data;

public static class UserAccounts
{
    public static async Task<IdentityResult> CreateAsync(
        UserManager<HotlineUser> users, string email, string displayName, string password, IEnumerable<string> roles,
        string? operatorPhone = null)
    {
        var user = new HotlineUser
            { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, OperatorPhone = operatorPhone };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        return await users.AddToRolesAsync(user, roles);
    }
}
