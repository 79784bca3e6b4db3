using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.TwoFactor;

/// <summary>
/// Staff two-factor sign-in end to end over HTTP, with real codes computed by Otp.NET from the key the page shows.
/// The first admin (HotlineApp.AdminEmail) is left unenrolled here for its own test; other tests make their own users.
/// </summary>
public class TwoFactorTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HotlineApp App => fixture.App;

    private Task<bool> AuditedAsync(string action, string actorName) =>
        App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == action && a.ActorName == actorName));

    private Task<HotlineUser> UserAsync(string email) =>
        App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    [Fact]
    public async Task Supervisor_EnrolsThroughThePage_ThenSignInAsksForTheCode()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var (client, _) = await TwoFactorPages.PasswordOnlyAsync(App, email);

        var page = await client.GetStringAsync(TwoFactorPages.Enrol);
        Assert.Contains("src=\"data:image/svg+xml;base64,", WebUtility.HtmlDecode(page));
        var key = TwoFactorPages.KeyOn(page);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", key);
        // Reloading the page keeps the key (a scanned code stays good).
        Assert.Equal(key, TwoFactorPages.KeyOn(await client.GetStringAsync(TwoFactorPages.Enrol)));

        var wrong = await ConsoleClient.PostFormAsync(
            client, TwoFactorPages.Enrol, TwoFactorPages.Enrol, new() { ["Code"] = TwoFactorPages.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        Assert.False((await UserAsync(email)).TwoFactorEnabled);

        var done = await ConsoleClient.PostFormAsync(
            client, TwoFactorPages.Enrol, TwoFactorPages.Enrol, new() { ["Code"] = TestTwoFactor.Code(key) });
        var codes = TwoFactorPages.RecoveryCodesOn(await done.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Distinct().Count());
        Assert.True((await UserAsync(email)).TwoFactorEnabled);
        Assert.True(await AuditedAsync("account.two-factor-enrolled", email));
        // The enrolling session goes on to the console at once.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
        // Shown once: the page of an enrolled user has a count, not the codes.
        var status = await client.GetStringAsync(TwoFactorPages.Enrol);
        Assert.Contains("10</strong> recovery codes left", status);
        Assert.DoesNotContain(codes[0], status);

        // Next sign-in: the password alone opens nothing; the code does.
        var (next, password) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith(TwoFactorPages.Code, password.Headers.Location!.OriginalString);
        var notYet = await next.GetAsync("/cases");
        Assert.Contains("/account/sign-in", notYet.Headers.Location!.OriginalString);
        var signedIn = await ConsoleClient.PostFormAsync(
            next, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = TestTwoFactor.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/cases")).StatusCode);
        Assert.True(await AuditedAsync("account.sign-in", email));
    }

    [Fact]
    public async Task WrongCodes_AreRefused_AndCountTowardTheLockout()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var key = (await TestTwoFactor.KeyForSignInAsync(App.Services, email))!;
        var (client, password) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        // Between password and code, the user is held in a cookie scripts and other sites never get.
        var held = password.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hotline.2fa=", StringComparison.Ordinal));
        Assert.Contains("httponly", held, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", held, StringComparison.OrdinalIgnoreCase);

        var first = await ConsoleClient.PostFormAsync(
            client, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = TwoFactorPages.WrongCode(key) });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("That code is not right", await first.Content.ReadAsStringAsync());
        Assert.Equal(1, (await UserAsync(email)).AccessFailedCount);
        Assert.True(await AuditedAsync("account.two-factor-failed", email));

        for (var i = 0; i < 4; i++)
        {
            await ConsoleClient.PostFormAsync(
                client, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = TwoFactorPages.WrongCode(key) });
        }
        var right = await ConsoleClient.PostFormAsync(
            client, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = TestTwoFactor.Code(key) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked after too many failed attempts", await right.Content.ReadAsStringAsync());
        Assert.True((await UserAsync(email)).LockoutEnd > DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/cases")).StatusCode);

        // A recovery code does not get round the lock either.
        string recoveryCode;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>();
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 1))!.Single();
        }
        var withRecoveryCode = await ConsoleClient.PostFormAsync(
            client, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["RecoveryCode"] = recoveryCode });
        Assert.Contains("locked after too many failed attempts", await withRecoveryCode.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var (enrolling, _) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        var (_, codes) = await TwoFactorPages.EnrolAsync(enrolling);

        var (client, _) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        var used = await ConsoleClient.PostFormAsync(
            client, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["RecoveryCode"] = codes[3].Replace("-", " ").ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
        Assert.True(await AuditedAsync("account.recovery-code-used", email));
        Assert.Contains("9</strong> recovery codes left", await client.GetStringAsync(TwoFactorPages.Enrol));

        var (again, _) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        var refused = await ConsoleClient.PostFormAsync(
            again, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["RecoveryCode"] = codes[3] });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("it was used already", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, (await UserAsync(email)).AccessFailedCount);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task Supervisor_WithoutTwoFactor_IsSentToEnrolmentBeforeAnyConsolePage()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var (client, password) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);

        foreach (var path in new[] { "/", "/cases", "/dashboard", "/audit", "/flows", "/board/live", "/hangfire" })
        {
            var response = await client.GetAsync(path);
            Assert.True(
                response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString == TwoFactorPages.Enrol,
                $"{path}: {response.StatusCode} {response.Headers.Location}");
        }
        var hub = await client.PostAsync("/hubs/console/negotiate?negotiateVersion=1", null);
        Assert.Equal(TwoFactorPages.Enrol, hub.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TwoFactorPages.Enrol)).StatusCode);
        // Signing out still works without enrolling.
        var signOut = await ConsoleClient.PostFormAsync(client, TwoFactorPages.Enrol, "/account/sign-out", []);
        Assert.Equal("/account/sign-in", signOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FirstAdmin_AtFirstSignIn_EnrolsAndThenReachesTheConsole()
    {
        var (client, _) = await TwoFactorPages.PasswordOnlyAsync(App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        Assert.Equal(TwoFactorPages.Enrol, (await client.GetAsync("/users")).Headers.Location?.OriginalString);
        await TwoFactorPages.EnrolAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).StatusCode);
    }

    [Fact]
    public async Task Operator_ByDefault_IsNotAskedForTwoFactor()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Operator);
        var (client, password) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        Assert.Equal("/", password.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
    }

    [Fact]
    public async Task Session_OpenedWithACode_KeepsItWhenTheSecurityStampIsChecked()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var client = await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword);
        try
        {
            // Past the 5-minute stamp check, inside the 30-minute idle limit: still a two-factor session.
            App.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
            App.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);
        }
        finally
        {
            App.Clock.Set(TestClock.WednesdayAfternoon);
        }
    }

    [Fact]
    public async Task AdminReset_EndsTheOldFactor_AndThePersonEnrolsAgain()
    {
        var supervisor = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var oldKey = (await TestTwoFactor.KeyForSignInAsync(App.Services, supervisor))!;
        var session = await ConsoleClient.SignedInAsync(App, supervisor, ConsoleSeed.OperatorPassword);
        var admin = await ConsoleClient.SignedInAsync(App, await ConsoleSeed.UserAsync(App, Roles.Admin), ConsoleSeed.OperatorPassword);
        var id = (await UserAsync(supervisor)).Id;

        Assert.Contains(supervisor, await admin.GetStringAsync("/admin/two-factor"));
        var reset = await ConsoleClient.PostFormAsync(admin, "/admin/two-factor", $"/admin/two-factor/{id}/reset", []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.True(await App.WithDbAsync(
            db => db.AuditEntries.AnyAsync(a => a.Action == "account.two-factor-reset" && a.Detail == supervisor)));
        Assert.False((await UserAsync(supervisor)).TwoFactorEnabled);
        try
        {
            // The supervisor's open session ends at the next stamp check.
            App.Clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Contains("/account/sign-in", (await session.GetAsync("/cases")).Headers.Location!.OriginalString);
        }
        finally
        {
            App.Clock.Set(TestClock.WednesdayAfternoon);
        }
        // Next sign-in: password, then straight to enrolment with a new key.
        var (client, _) = await TwoFactorPages.PasswordOnlyAsync(App, supervisor);
        Assert.Equal(TwoFactorPages.Enrol, (await client.GetAsync("/")).Headers.Location?.OriginalString);
        var (newKey, _) = await TwoFactorPages.EnrolAsync(client);
        Assert.NotEqual(oldKey.ToLowerInvariant(), newKey.Replace(" ", ""));
    }

    [Fact]
    public async Task ResetPage_Supervisor_IsDenied()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var client = await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword);
        Assert.Contains("/account/denied", (await client.GetAsync("/admin/two-factor")).Headers.Location!.OriginalString);
    }
}
