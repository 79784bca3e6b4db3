using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Telephony;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Telephony;

/// <summary>A withheld number is nobody's number: no link between strangers, no callback nobody could make (issue 11, point 3).</summary>
public class WithheldNumberTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>What Twilio sends as From when the caller withholds their number ("ANONYMOUS" on a keypad).</summary>
    public const string Anonymous = "+266696687";

    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    private Task<Twiml> CallAsync(string sid, string from) =>
        _twilio.VoiceAsync(VoiceRoutes.Incoming, sid, new Dictionary<string, string> { ["From"] = from });

    private Task<Twiml> PressAsync(string sid, Twiml last, string digits, string from) =>
        _twilio.VoiceAsync(last.GatherAction ?? throw new InvalidOperationException("no gather in: " + last.Xml), sid,
            new Dictionary<string, string> { ["Digits"] = digits, ["From"] = from });

    private Task<Contact> ContactAsync(string callSid) =>
        fixture.App.WithDbAsync(db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == callSid));

    [Fact]
    public async Task Incoming_TwoWithheldCallers_NoCallerHashAndNoLinkBetweenTheirCases()
    {
        var first = TwilioWebhooks.NewCallSid();
        var second = TwilioWebhooks.NewCallSid();
        await CallAsync(first, Anonymous);
        await CallAsync(second, Anonymous);

        var a = (await ContactAsync(first)).Case;
        var b = (await ContactAsync(second)).Case;
        Assert.Null(a.CallerHash);
        Assert.Null(b.CallerHash);
        Assert.Null(a.CallerNumber);
        var admin = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var page = await admin.GetStringAsync($"/cases/{a.Id}");
        Assert.DoesNotContain(b.Reference, page); // not listed as an "earlier case of this caller"
    }

    [Theory]
    [InlineData(Anonymous)]
    [InlineData("anonymous")]
    [InlineData("")]
    public async Task Gather_NumberWithheld_NeverAsksForACallbackNorPromisesOne(string from)
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await CallAsync(sid, from);
        var heard = new List<string>(twiml.Says);
        foreach (var digits in new[] { "1", "1", "2", "2", "1" }) // English, safe, no danger, no child, report
        {
            twiml = await PressAsync(sid, twiml, digits, from);
            heard.AddRange(twiml.Says);
        }
        Assert.Equal("national-advocates", twiml.Enqueued); // straight to a person after "how can we help"

        // Waiting long enough for the queue to offer a callback: not to this caller.
        var wait = await _twilio.VoiceAsync(VoiceRoutes.QueueWaitFor("en"), sid,
            new Dictionary<string, string> { ["From"] = from, ["QueuePosition"] = "3", ["QueueTime"] = "600" });
        heard.AddRange(wait.Says);
        Assert.False(wait.Has("Gather"));
        // Pressing 1 anyway (the offer is known from earlier calls) promises nothing and keeps them in the queue.
        var pressed = await _twilio.VoiceAsync(
            VoiceRoutes.QueueCallback, sid, new Dictionary<string, string> { ["From"] = from, ["Digits"] = "1" });
        Assert.False(pressed.Has("Leave"));
        await _twilio.VoiceAsync(
            VoiceRoutes.QueueResult, sid, new Dictionary<string, string> { ["From"] = from, ["QueueResult"] = "hangup" });

        Assert.DoesNotContain(
            heard, s => s.Contains("call you back", StringComparison.OrdinalIgnoreCase)
            || s.Contains("callback", StringComparison.OrdinalIgnoreCase));
        var contact = await ContactAsync(sid);
        Assert.False(contact.CallbackRequested);
        Assert.Null(contact.Case.CallbackAllowed);
        Assert.Null(contact.Case.CallbackDueAt); // no promise, so no job is ever scheduled
        Assert.True(contact.Case.Abandoned);
    }

    [Fact]
    public async Task Gather_RealNumberSamePath_IsAskedForACallback()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await CallAsync(sid, TwilioWebhooks.CallerNumber);
        foreach (var digits in new[] { "1", "1", "2", "2", "1" }) twiml = await PressAsync(sid, twiml, digits, TwilioWebhooks.CallerNumber);

        Assert.Contains("call you back", twiml.AllText);
    }

    [Fact]
    public async Task Gather_NotSafeToTalkAndNumberWithheld_SaysGoodbyeWithoutAskingToCallBack()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await CallAsync(sid, Anonymous);
        twiml = await PressAsync(sid, twiml, "1", Anonymous); // English
        twiml = await PressAsync(sid, twiml, "2", Anonymous); // not safe to talk

        Assert.True(twiml.Has("Hangup"));
        Assert.DoesNotContain("call you back", twiml.AllText);
        Assert.Null((await ContactAsync(sid)).Case.CallbackDueAt);
    }

    [Fact]
    public async Task Sms_TwoTextsFromAWithheldSender_AreNotOneSharedConversation()
    {
        var first = TwilioWebhooks.NewMessageSid();
        var second = TwilioWebhooks.NewMessageSid();
        await _twilio.SmsAsync("hi", Anonymous, first);
        await _twilio.SmsAsync("hi", Anonymous, second);

        var a = await ContactAsync(first);
        var b = await ContactAsync(second);
        Assert.NotEqual(a.CaseId, b.CaseId); // the second text did not land in (and read) the first sender's conversation
        Assert.Null(a.ConversationKey);
        Assert.Null(a.Case.CallerHash);
        Assert.Null(b.Case.CallerHash);
    }

    [Fact]
    public async Task CasePage_NumberWithheld_SafeContactPanelSaysNumberWithheld()
    {
        var withheld = TwilioWebhooks.NewCallSid();
        var known = TwilioWebhooks.NewCallSid();
        await CallAsync(withheld, Anonymous);
        await CallAsync(known, TwilioWebhooks.CallerNumber);
        var admin = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await admin.GetStringAsync($"/cases/{(await ContactAsync(withheld)).CaseId}");
        var other = await admin.GetStringAsync($"/cases/{(await ContactAsync(known)).CaseId}");

        var panel = page[page.IndexOf("id=\"safe-h\"", StringComparison.Ordinal)..page.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("Number withheld", panel);
        Assert.Contains("No: number withheld", panel);
        Assert.DoesNotContain("number withheld", other, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>One webhook a minute per caller: small enough to see whose bucket a request fills.</summary>
public class OnePerCallerFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:PerCallerPerMinute"] = "2" };
}

public class WithheldNumberRateLimitTests(OnePerCallerFixture fixture) : IClassFixture<OnePerCallerFixture>
{
    [Fact]
    public async Task Webhooks_TwoWithheldCallers_HaveSeparatePerCallerBuckets()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var first = TwilioWebhooks.NewCallSid();
        var second = TwilioWebhooks.NewCallSid();
        Task<HttpResponseMessage> Incoming(string sid) => twilio.PostAsync(VoiceRoutes.Incoming, new Dictionary<string, string>
            { ["CallSid"] = sid, ["From"] = WithheldNumberTests.Anonymous, ["To"] = HotlineApp.HotlineNumber });

        Assert.Equal(HttpStatusCode.OK, (await Incoming(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Incoming(first)).StatusCode); // (a Twilio retry) fills the first caller's bucket

        Assert.Equal(HttpStatusCode.OK, (await Incoming(second)).StatusCode); // another withheld caller is not locked out
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Incoming(first)).StatusCode); // but a flood from one call still is
    }
}
