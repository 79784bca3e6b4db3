using Hotline.Web.Data;
using Hotline.Web.Operators;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// The one place test users get a second factor. The sign-in helpers (ConsoleClient.SignInAsync, BrowserFixture,
/// LiveClient) ask <see cref="KeyForSignInAsync"/> first: a user whose role must use two-factor sign-in (Supervisor,
/// Admin; Operator when configured) is enrolled through UserManager as the enrolment page does, and the code for the
/// second step is computed with Otp.NET from the key, as a phone would. TwoFactorTests enrol through the pages.
/// </summary>
public static class TestTwoFactor
{
    // Two sign-ins of one user at once must not each make a key.
    private static readonly SemaphoreSlim Enrolling = new(1, 1);

    /// <summary>The authenticator key of a user who will be asked for a code; null when signing in asks for none.</summary>
    public static async Task<string?> KeyForSignInAsync(IServiceProvider services, string email)
    {
        await Enrolling.WaitAsync();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>();
            if (await users.FindByEmailAsync(email) is not { } user) return null;
            if (!user.TwoFactorEnabled)
            {
                var rules = scope.ServiceProvider.GetRequiredService<TwoFactorRules>();
                if (!rules.IsRequiredFor(await users.GetRolesAsync(user))) return null;
                if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))) await users.ResetAuthenticatorKeyAsync(user);
                await users.SetTwoFactorEnabledAsync(user, true);
            }
            return await users.GetAuthenticatorKeyAsync(user);
        }
        finally
        {
            Enrolling.Release();
        }
    }

    /// <summary>The code an authenticator app shows now for <paramref name="key"/> (the key as shown, spaces allowed).</summary>
    public static string Code(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "").ToUpperInvariant())).ComputeTotp();
}
