using System.Net;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reliability;

public class TinyGlobalLimitFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:WebhooksPerSecond"] = "3" };
}

public class GlobalLimitTests(TinyGlobalLimitFixture fixture) : IClassFixture<TinyGlobalLimitFixture>
{
    [Fact]
    public async Task Webhooks_FloodFromManyCallers_BeyondGlobalBucketAndQueue_Is429()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        // 3 tokens a second and a queue of 3: 40 requests at once from 40 different numbers cannot all pass.
        // (The queue's wait URL: no database needed. The fallback URL, which has no limit at all, is FallbackFloodTests.)
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => twilio.PostAsync(Hotline.Web.Telephony.VoiceRoutes.QueueWait,
            new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = $"+1555300{i:D4}" })));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
    }
}
