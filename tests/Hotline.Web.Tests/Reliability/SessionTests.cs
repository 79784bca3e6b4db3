using System.Net;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reliability;

public class SessionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static Task<HttpClient> SignedInAsync(HotlineApp app) =>
        ConsoleClient.SignedInAsync(app, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

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
