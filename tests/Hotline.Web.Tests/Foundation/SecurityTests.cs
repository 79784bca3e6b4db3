using System.Net;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.Foundation;

public class DashboardAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task HangfireDashboard_Anonymous_IsRedirectedToSignIn()
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
    }
}
