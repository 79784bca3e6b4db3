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
    // The last time step handed out per key (normalized), across every test of the run.
    private static readonly Dictionary<string, long> LastStep = [];

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

    /// <summary>
    /// A code for <paramref name="key"/> (the key as shown, spaces allowed) that the server has not accepted yet. The server takes
    /// each time step once (TwoFactorCodeOnce), and tests sign one user in many times a minute: so this gives the code of the
    /// first step after the last one handed out for this key, which the server accepts up to two steps ahead of now (as it
    /// would from a phone whose clock runs fast); beyond that it waits for the clock.
    /// </summary>
    public static string Code(string key)
    {
        var totp = Totp(key);
        var normalized = Normalize(key);
        while (true)
        {
            var now = StepNow();
            lock (LastStep)
            {
                var step = Math.Max(now, LastStep.GetValueOrDefault(normalized, long.MinValue) + 1);
                if (step <= now + 2)
                {
                    LastStep[normalized] = step;
                    return CodeAt(totp, step);
                }
            }
            Thread.Sleep(TimeSpan.FromSeconds(30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30) + TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The code of one exact time step (30 s each since 1970), and Code() then hands out only later steps for the key.</summary>
    public static string CodeForStep(string key, long step)
    {
        lock (LastStep)
        {
            LastStep[Normalize(key)] = Math.Max(step, LastStep.GetValueOrDefault(Normalize(key), long.MinValue));
        }
        return CodeAt(Totp(key), step);
    }

    /// <summary>The time step an authenticator app shows the code of now.</summary>
    public static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    private static string Normalize(string key) => key.Replace(" ", "").ToUpperInvariant();

    private static Totp Totp(string key) => new(Base32Encoding.ToBytes(Normalize(key)));

    private static string CodeAt(Totp totp, long step) => totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * 30).UtcDateTime);
}
