using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Observability;

public sealed class MetricsEndpointTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Metrics_Admin_GetsPrometheusTextWithTheDomainGauges()
    {
        var admin = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        await new TwilioWebhooks(fixture.App.CreateClient()).IncomingAsync(TwilioWebhooks.NewCallSid());

        var response = await admin.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var name in new[]
            { "hotline_callers_waiting", "hotline_callers_longest_wait_seconds", "hotline_conversations_waiting",
                "hotline_referrals_overdue", "hotline_deliveries_failed", "hotline_twilio_signature_refusals",
                "hotline_webhook_duration_seconds_bucket" })
        {
            Assert.Contains(name, text);
        }
        Assert.Contains("http_route=\"/twilio/voice/incoming\"", text);
    }

    [Fact]
    public async Task Metrics_Anonymous_IsRefused()
    {
        var response = await ConsoleClient.Anonymous(fixture.App).GetAsync("/metrics");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_Operator_IsRefused()
    {
        var user = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = await ConsoleClient.SignedInAsync(fixture.App, user, ConsoleSeed.OperatorPassword);
        var response = await client.GetAsync("/metrics");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
