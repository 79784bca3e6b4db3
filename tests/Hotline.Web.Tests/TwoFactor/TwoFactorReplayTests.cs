using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.TwoFactor;

/// <summary>
/// An authenticator code opens one session: the same code again (read over a shoulder, replayed from a phishing page)
/// is refused inside its 30-second window and counts toward the lockout; the code of the next step still works.
/// </summary>
public class TwoFactorReplayTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HotlineApp App => fixture.App;

    private Task<HotlineUser> UserAsync(string email) =>
        App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    private async Task<HttpResponseMessage> SignInWithCodeAsync(string email, string code)
    {
        var (client, password) = await TwoFactorPages.PasswordOnlyAsync(App, email);
        Assert.StartsWith(TwoFactorPages.Code, password.Headers.Location!.OriginalString);
        return await ConsoleClient.PostFormAsync(client, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = code });
    }

    [Fact]
    public async Task SameCodeTwice_SecondSignInIsRefused()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var key = (await TestTwoFactor.KeyForSignInAsync(App.Services, email))!;
        var code = TestTwoFactor.CodeForStep(key, TestTwoFactor.StepNow());

        var first = await SignInWithCodeAsync(email, code);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/", first.Headers.Location!.OriginalString);

        var second = await SignInWithCodeAsync(email, code);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("was used already", await second.Content.ReadAsStringAsync());
        // A replay is a wrong code: it counts toward the lockout like any other.
        Assert.Equal(1, (await UserAsync(email)).AccessFailedCount);
        Assert.True(await App.WithDbAsync(
            db => db.AuditEntries.AnyAsync(a => a.Action == "account.two-factor-failed" && a.ActorName == email)));
    }

    [Fact]
    public async Task NextStepsCode_AfterOneWasUsed_StillSignsIn()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
        var key = (await TestTwoFactor.KeyForSignInAsync(App.Services, email))!;
        var step = TestTwoFactor.StepNow();

        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithCodeAsync(email, TestTwoFactor.CodeForStep(key, step))).StatusCode);
        // An earlier step's code, still inside the accepted window, is refused too: only later steps open a session.
        Assert.Equal(HttpStatusCode.OK, (await SignInWithCodeAsync(email, TestTwoFactor.CodeForStep(key, step - 1))).StatusCode);
        var next = await SignInWithCodeAsync(email, TestTwoFactor.CodeForStep(key, step + 1));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/", next.Headers.Location!.OriginalString);
        Assert.Equal(0, (await UserAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task OneCode_TwoSignInsAtOnce_OnlyOneGetsIn_TheOtherIsRefusedNot500()
    {
        // Ten races, each of two sign-ins of one user with one code: the interleavings differ, the outcome must not.
        for (var race = 0; race < 10; race++)
        {
            var email = await ConsoleSeed.UserAsync(App, Roles.Supervisor);
            var key = (await TestTwoFactor.KeyForSignInAsync(App.Services, email))!;
            var (a, _) = await TwoFactorPages.PasswordOnlyAsync(App, email);
            var (b, _) = await TwoFactorPages.PasswordOnlyAsync(App, email);
            var code = TestTwoFactor.CodeForStep(key, TestTwoFactor.StepNow()); // just before it is used: a code expires

            var both = await Task.WhenAll(
                ConsoleClient.PostFormAsync(a, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = code }),
                ConsoleClient.PostFormAsync(b, TwoFactorPages.Code, TwoFactorPages.Code, new() { ["Code"] = code }));

            var statuses = string.Join(", ", both.Select(r => $"{(int)r.StatusCode} {r.Headers.Location}"));
            Assert.True(both.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1, $"race {race}: one should get in: {statuses}");
            Assert.True(both.Count(r => r.StatusCode == HttpStatusCode.OK) == 1, $"race {race}: one should be refused: {statuses}");
        }
    }
}
