using System.Net;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.Reliability;

public class SessionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<HttpClient> SignedInAsync(HotlineApp app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = HotlineApp.AdminEmail, ["Password"] = HotlineApp.AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task Session_IdleLongerThan30Minutes_MustSignInAgain()
    {
        var client = await SignedInAsync(fixture.App);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).StatusCode);

        fixture.App.Clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            var idle = await client.GetAsync("/cases");
            Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
            Assert.Contains("/account/sign-in", idle.Headers.Location!.ToString());
        }
        finally
        {
            fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        }
    }

    [Fact]
    public async Task DataProtectionKeys_AreKeptInPostgreSql_ForEveryNode()
    {
        await SignedInAsync(fixture.App); // signing in needs the key ring
        var keys = await TestPostgres.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM data_protection_keys");
        Assert.True(keys >= 1);
    }
}
