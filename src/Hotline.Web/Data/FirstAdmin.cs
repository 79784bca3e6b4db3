using System.Security.Cryptography;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Data;

/// <summary>
/// Creates the roles and, on an empty user table, the first admin: from Admin:Email/Admin:Password when
/// configured, otherwise with a generated password printed once to the console.
/// </summary>
public static class FirstAdmin
{
    public static async Task EnsureAsync(IServiceProvider services, HotlineSettings settings, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>();
        if (await users.Users.AnyAsync()) return;

        var email = string.IsNullOrWhiteSpace(settings.AdminEmail) ? "admin@hotline.local" : settings.AdminEmail.Trim();
        var generated = string.IsNullOrWhiteSpace(settings.AdminPassword);
        var password = generated ? NewPassword() : settings.AdminPassword!;
        var result = await UserAccounts.CreateAsync(users, email, "Administrator", password, [Roles.Admin, Roles.Supervisor]);
        if (!result.Succeeded)
        {
            throw new ConfigurationException(
                "Admin:Password is not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        if (generated)
        {
            // Printed once: this is the only time the password exists outside the hash.
            Console.WriteLine($"First admin created: {email} / password: {password}  (change it after signing in)");
        }
        logger.LogInformation("First admin account {Email} created", email);
    }

    private static string NewPassword() =>
        "Hl-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "9!";
}
