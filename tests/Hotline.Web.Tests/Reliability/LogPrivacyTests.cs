using System.Diagnostics;
using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Jobs;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Hotline.Web.Tests.Referrals;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

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

/// <summary>Tracing on (Observability:Tracing), every finished span kept in memory by the OpenTelemetry in-memory exporter.</summary>
public sealed class SpanCaptureFixture : ReferralFixture
{
    public List<Activity> Spans { get; } = [];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Observability:Tracing"] = "true" };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));

    /// <summary>Every span's name, tags and events as one text, to search for what must not be there.</summary>
    public string SpansText()
    {
        lock (Spans)
        {
            return string.Join("\n", Spans.Select(a => string.Join(" | ",
                new[] { a.Source.Name, a.DisplayName, a.StatusDescription ?? "" }
                    .Concat(a.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                    .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}"))))));
        }
    }
}

public sealed class SpanPrivacyTests(SpanCaptureFixture fixture) : IClassFixture<SpanCaptureFixture>
{
    [Fact]
    public async Task Spans_DuringCallsTextsReferralsAndAgencyLinks_NeverContainNumbersNamesNarrativeOrTokens()
    {
        fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        foreach (var key in new[] { "1", "1", "1", "1" }) twiml = await twilio.PressAsync(sid, twiml, key);
        await twilio.StatusAsync(sid, "completed");
        await twilio.SmsAsync("my boss Vlad keeps my passport", "+15550007777");
        await twilio.PostAsync(
            "/twilio/voice/incoming",
            new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = "+15550008888" }, signature: "forged");
        var @case = await fixture.NewCaseAsync(c => { c.ChildInvolved = true; c.ContactType = ContactType.Tip; });
        await fixture.RunAsync<CasePathway>(p => p.EvaluateAsync(@case.Id, "caller", default));
        var referral = (await fixture.ReferralsAsync(@case.Id)).First();
        await fixture.RunAsync<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));
        var token = fixture.TokenFor(referral.Id);
        var agency = ConsoleClient.Anonymous(fixture.App);
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync($"/agency/referrals/{token}")).StatusCode);
        await agency.PostAsync($"/api/agency/referrals/{token}/acknowledge", null);
        var admin = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        await admin.GetAsync("/cases?Operator=Maria%20Lopez&Ref=5550007777");

        var spans = fixture.SpansText();
        // The capture works: requests, SQL and the outgoing webhook were all traced.
        Assert.Contains("/twilio/voice/gather", spans);
        Assert.Contains("/agency/referrals/{token}", spans);
        Assert.Contains("db.", spans);
        Assert.Contains("System.Net.Http", spans);
        foreach (var secret in new[]
            { "5557654321", "5550007777", "5550008888", ReferralFixture.CallerNumber[2..], "Vlad", "passport", "Maria", "Lopez",
                "restaurant", "9pm", token, token[..Math.Min(20, token.Length)] })
        {
            Assert.DoesNotContain(secret, spans);
        }
    }
}
