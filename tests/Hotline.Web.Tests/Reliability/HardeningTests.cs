using System.Net;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.Reliability;

public class TightLimitsFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PerCallerPerMinute"] = "20",
        ["RateLimits:SignInPerMinute"] = "5",
    };
}

public class HardeningTests(TightLimitsFixture fixture) : IClassFixture<TightLimitsFixture>
{
    [Fact]
    public async Task Webhooks_FloodFromOneCaller_Is429_OtherCallersUnaffected()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        const string flooder = "+15550123000";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var form = new Dictionary<string, string>
                { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = flooder, ["To"] = HotlineApp.HotlineNumber };
            statuses.Add((await twilio.PostAsync("/twilio/voice/incoming", form)).StatusCode);
        }
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        var other = await twilio.IncomingAsync(TwilioWebhooks.NewCallSid()); // a different caller still gets through
        Assert.Contains("step=0", other.GatherAction);
    }

    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_Is429()
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            var response = await client.PostAsync(
                "/account/sign-in",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@y.z", ["Password"] = "wrong" }));
            codes.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, codes);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, codes.Take(5));
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        var response = await fixture.App.CreateClient().GetAsync("/account/sign-in");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }
}

public class SessionCookieTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndStrict()
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signInPage = await client.GetAsync("/account/sign-in");
        var page = await signInPage.Content.ReadAsStringAsync();
        var token = ConsoleClient.TokenIn(page);
        var xsrfCookie = signInPage.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("hotline.xsrf", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                { ["Email"] = HotlineApp.AdminEmail, ["Password"] = HotlineApp.AdminPassword, ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("Cookie", xsrfCookie.Split(';')[0]);
        var response = await client.SendAsync(request);
        var auth = response.Headers.GetValues("Set-Cookie").FirstOrDefault(c => c.StartsWith("hotline.auth", StringComparison.Ordinal));
        Assert.NotNull(auth);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
    }
}
