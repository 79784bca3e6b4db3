using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reliability;

public class LogPrivacyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Logs_DuringCallsTextsAndRefusals_NeverContainCallerNumbersOrWords()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var before = fixture.App.Logs.Lines.Count;
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        var first = twiml;
        foreach (var key in new[] { "1", "1", "1", "1" }) twiml = await twilio.PressAsync(sid, twiml, key);
        await twilio.PressAsync(sid, first, "1"); // a stale retry
        await twilio.StatusAsync(sid, "completed");
        await twilio.SmsAsync("hello", "+15550007777");
        await twilio.SmsAsync("my boss Vlad keeps my passport", "+15550007777");
        await twilio.PostAsync(
            "/twilio/voice/incoming",
            new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = "+15550008888" }, signature: "forged");

        var logs = string.Join("\n", fixture.App.Logs.Lines);
        // the capture works: these calls were logged
        Assert.True(fixture.App.Logs.Lines.Count > before, "nothing was logged during the calls");
        foreach (var secret in new[] { "5557654321", "5550007777", "5550008888", "Vlad", "passport" })
            Assert.DoesNotContain(secret, logs);
    }
}
