using System.Net;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.Foundation;

/// <summary>Benchmark-only code stays in the benchmark: the service never routes its yardstick endpoint.</summary>
public class ServiceAssemblyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public void ServiceAssembly_HasNoBaselineController()
    {
        var names = typeof(HotlineSetup).Assembly.GetTypes().Select(t => t.Name);

        Assert.DoesNotContain("BaselineController", names);
    }

    [Fact]
    public async Task BaselineRoute_SignedPost_IsNotAnswered()
    {
        var client = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var webhooks = new TwilioWebhooks(client);

        var response = await webhooks.PostAsync(
            "/twilio/voice/baseline", new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid() });

        // No endpoint: the secure-by-default fallback policy sends it to sign-in; nothing answers it as TwiML.
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Baseline", await response.Content.ReadAsStringAsync());
    }
}
