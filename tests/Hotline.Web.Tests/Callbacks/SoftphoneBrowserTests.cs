using System.Collections.Concurrent;
using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Telephony.Softphone;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>The browser tests' service with the softphone set up.</summary>
public sealed class SoftphoneBrowserFixture : ServedBrowserFixture
{
    protected override IDictionary<string, string?> Settings => SoftphoneFixture.SoftphoneSettings();
}

/// <summary>
/// Issue #14, point 6, in real Chromium: the board loads Twilio's Voice SDK from our own origin under the CSP (no
/// violation), obtains an access token whose claims are checked, and the SDK's first step towards Twilio (its signalling
/// WebSocket) is allowed. Twilio itself cannot be reached here: the test stops at that boundary.
/// </summary>
public class SoftphoneBrowserTests(SoftphoneBrowserFixture fixture) : IClassFixture<SoftphoneBrowserFixture>
{
    [Fact]
    public async Task Board_LoadsTheSdkFromOurOrigin_UnderTheCsp_AndGetsATokenForTheSignedInAdvocate()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        var scripts = new List<string>();
        var sockets = new ConcurrentQueue<string>(); // filled on Playwright's event thread
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) refused.Add(m.Text); };
        page.Request += (_, r) => { if (r.ResourceType == "script") scripts.Add(r.Url); };
        page.WebSocket += (_, ws) => sockets.Enqueue(ws.Url);
        await page.AddInitScriptAsync(
            "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', " +
            "e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync("/");
        // An operator: no second sign-in step by default, so the token is fetched as the board opens.
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ConsoleSeed.OperatorPassword);

        var tokenResponse = page.WaitForResponseAsync(r => r.Url.EndsWith(SoftphoneRoutes.Token, StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var token = await tokenResponse;

        // The SDK came from our own origin, and it is the Voice SDK.
        Assert.Contains(scripts, s => s.StartsWith(fixture.BaseUrl + "/lib/twilio-voice/twilio.min.js", StringComparison.Ordinal));
        Assert.DoesNotContain(scripts, s => !s.StartsWith(fixture.BaseUrl, StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Twilio !== 'undefined' && typeof Twilio.Device === 'function'"));

        // The token the page obtained names this advocate, our API key and our TwiML App, and is short-lived.
        Assert.Equal(200, token.Status);
        var body = await token.JsonAsync();
        var claims = AccessTokenClaims.Read(body!.Value.GetProperty("token").GetString()!, SoftphoneFixture.ApiKeySecret);
        string adminId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<Hotline.Web.Data.HotlineUser>>()
                .FindByEmailAsync(email))!.Id;
        }
        Assert.Equal(SoftphoneFixture.ApiKeySid, claims.GetProperty("iss").GetString());
        Assert.Equal(TwilioApiMock.AccountSid, claims.GetProperty("sub").GetString());
        Assert.Equal(AdvocateIdentity.For(adminId), claims.GetProperty("grants").GetProperty("identity").GetString());
        Assert.Equal(SoftphoneFixture.TwimlAppSid,
            claims.GetProperty("grants").GetProperty("voice").GetProperty("outgoing").GetProperty("application_sid").GetString());
        var lifetime = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()) - fixture.App.Clock.GetUtcNow();
        Assert.InRange(lifetime, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1));
        var panel = page.Locator("#softphone");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-identity", AdvocateIdentity.For(adminId));

        // The boundary: the SDK opens its signalling WebSocket to Twilio (allowed by the page's CSP); Twilio is not
        // reachable from here, so the panel says so in words rather than "ready".
        await Assertions.Expect(panel).Not.ToHaveAttributeAsync("data-state", "not-set-up");
        // The console's own SignalR socket opens too (often first), so wait for Twilio's, not for any socket.
        static bool ToTwilio(string s) =>
            s.StartsWith("wss://", StringComparison.Ordinal) && new Uri(s).Host.EndsWith(".twilio.com", StringComparison.Ordinal);
        for (var i = 0; i < 150 && !sockets.ToArray().Any(ToTwilio); i++) await Task.Delay(200); // 30 s: CI is loaded
        Assert.Contains(sockets.ToArray(), ToTwilio);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        Assert.Empty(refused);
        await context.CloseAsync();
    }
}
