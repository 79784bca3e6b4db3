using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Telephony;

public class VoiceIntakeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    private Task<Contact> ContactAsync(string callSid) =>
        fixture.App.WithDbAsync(db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == callSid));

    private Task<Dictionary<string, string>> AnswersAsync(string callSid) =>
        fixture.App.WithDbAsync(db => db.IntakeAnswers.Where(a => db.Contacts.Any(c => c.ExternalId == callSid && c.Id == a.ContactId))
            .ToDictionaryAsync(a => a.Field, a => a.Value));

    [Fact]
    public async Task FullCall_ToTheQueue_KeepsEveryAnswerAfterEachStep()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        Assert.StartsWith("If you are in immediate danger, hang up and call 911", twiml.Says[0]);
        Assert.Contains("step=0", twiml.GatherAction);

        var steps = new (string Digits, string Field, string Value)[]
        {
            ("2", "language", "es"), ("1", "safeToTalk", "yes"), ("2", "imminentDanger", "no"), ("1", "childInvolved", "yes"),
            ("1", "need", "report"), ("1", "callbackAllowed", "yes"), ("4", "callbackWindow", "evening"), ("2", "voicemailAllowed", "no"),
        };
        foreach (var (digits, field, value) in steps)
        {
            twiml = await _twilio.PressAsync(sid, twiml, digits);
            var answers = await AnswersAsync(sid);
            Assert.Equal(value, answers[field]); // committed before the next prompt was returned
        }

        Assert.Equal("national-advocates", twiml.Enqueued);
        Assert.Contains("especialista", twiml.AllText); // the caller chose Spanish
        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Queued, contact.State);
        Assert.Equal(CaseStatus.AwaitingTriage, contact.Case.Status);
        Assert.True(contact.Case.ChildInvolved);
        Assert.Equal(Urgency.High, contact.Case.Urgency);
        Assert.Equal("es", contact.Case.Language);
        Assert.Equal("evening", contact.Case.CallbackWindow);
    }

    [Fact]
    public async Task ImminentDanger_SkipsRemainingQuestions_AndIsCrisis()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        foreach (var digits in new[] { "1", "1", "1", "2" }) twiml = await _twilio.PressAsync(sid, twiml, digits);
        Assert.Equal("national-advocates", twiml.Enqueued);
        var contact = await ContactAsync(sid);
        Assert.Equal(Urgency.Crisis, contact.Case.Urgency);
        Assert.Null(contact.Case.Need);
    }

    [Fact]
    public async Task HangUpMidFlow_WithCallbackConsent_KeepsAnswersAndSchedulesCallbackInWindow()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        // English, safe, no danger, no child, report, callback yes, morning — then the caller hangs up.
        foreach (var digits in new[] { "1", "1", "2", "2", "1", "1", "2" }) twiml = await _twilio.PressAsync(sid, twiml, digits);
        Assert.Equal(HttpStatusCode.NoContent, await _twilio.StatusAsync(sid, "completed"));

        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Abandoned, contact.State);
        Assert.True(contact.Case.Abandoned);
        Assert.Equal(CaseStatus.AwaitingTriage, contact.Case.Status);
        Assert.Equal(7, (await AnswersAsync(sid)).Count);
        // Wednesday 14:00 Chicago -> next morning window starts Thursday 08:00 Chicago (14:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), contact.Case.CallbackDueAt);
        var scheduled = await TestPostgres.CountEventuallyAsync(fixture.ConnectionString,
            $"SELECT count(*) FROM hangfire.job WHERE statename = 'Scheduled' AND invocationdata::text LIKE '%CallbackDueJob%' AND " +
                $"arguments::text LIKE '%{contact.CaseId}%'", 1);
        Assert.Equal(1L, scheduled);
    }

    [Fact]
    public async Task HangUpMidFlow_WithoutConsent_SchedulesNoCallback()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        foreach (var digits in new[] { "1", "1", "2" }) twiml = await _twilio.PressAsync(sid, twiml, digits);
        await _twilio.StatusAsync(sid, "completed");

        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Abandoned, contact.State);
        Assert.Equal(3, (await AnswersAsync(sid)).Count);
        Assert.Null(contact.Case.CallbackDueAt);
        // The pathway job for this case is handed off; wait for it, then check no callback was scheduled beside it.
        Assert.Equal(1L, await TestPostgres.CountEventuallyAsync(fixture.ConnectionString,
            $"SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%{contact.CaseId}%' AND invocationdata::text LIKE " +
                $"'%IntakeEndedJob%'", 1));
        var scheduled = await TestPostgres.ScalarAsync<long>(fixture.ConnectionString,
            $"SELECT count(*) FROM hangfire.job WHERE arguments::text LIKE '%{contact.CaseId}%' AND invocationdata::text LIKE " +
                $"'%CallbackDueJob%'");
        Assert.Equal(0L, scheduled);
    }

    [Fact]
    public async Task AfterHours_RoutesToVoicemail_AndKeepsTheRecording()
    {
        fixture.App.Clock.Set(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)); // 03:00 in Chicago
        try
        {
            var sid = TwilioWebhooks.NewCallSid();
            var twiml = await _twilio.IncomingAsync(sid);
            foreach (var digits in new[] { "1", "1", "2", "2", "3", "2" }) twiml = await _twilio.PressAsync(sid, twiml, digits);
            Assert.True(twiml.Has("Record"));
            Assert.Contains("not available right now", twiml.AllText);
            Assert.Equal(ContactState.Voicemail, (await ContactAsync(sid)).State);

            var thanks = await _twilio.VoiceAsync("/twilio/voice/recording", sid, new Dictionary<string, string>
            {
                ["RecordingSid"] = "RE" + new string('a', 32), ["RecordingUrl"] = "https://api.twilio.com/rec/RE1",
                    ["RecordingDuration"] = "42",
            });
            Assert.Contains("message was received", thanks.AllText);
            await _twilio.StatusAsync(sid, "completed");
            var contact = await ContactAsync(sid);
            Assert.Equal(ContactState.Completed, contact.State);
            Assert.Equal(42, contact.RecordingSeconds);
            Assert.StartsWith("RE", contact.RecordingSid);
        }
        finally
        {
            fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        }
    }

    [Fact]
    public async Task TwilioRetry_OfAStepAlreadyTaken_ReturnsSameTwimlAndWritesNothingTwice()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var start = await _twilio.IncomingAsync(sid);
        var first = await _twilio.PressAsync(sid, start, "1");
        var retry = await _twilio.PressAsync(sid, start, "1"); // same step=0 action again
        var retryOfIncoming = await _twilio.IncomingAsync(sid);

        Assert.Equal(first.Xml, retry.Xml);
        Assert.Contains("step=1", retryOfIncoming.GatherAction);
        var counts = await fixture.App.WithDbAsync(async db => new
        {
            Cases = await db.Contacts.CountAsync(c => c.ExternalId == sid),
            Answers = await db.IntakeAnswers.CountAsync(a => db.Contacts.Any(c => c.ExternalId == sid && c.Id == a.ContactId)),
        });
        Assert.Equal(1, counts.Cases);
        Assert.Equal(1, counts.Answers);
    }

    [Fact]
    public async Task ConcurrentFirstWebhooks_ForOneCall_MakeOneCaseAndOneContact()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var casesBefore = await fixture.App.WithDbAsync(db => db.Cases.CountAsync());
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _twilio.IncomingAsync(sid)));

        Assert.All(results, r => Assert.Contains("step=0", r.GatherAction)); // every copy hears the first question
        Assert.Equal(1, await fixture.App.WithDbAsync(db => db.Contacts.CountAsync(c => c.ExternalId == sid)));
        Assert.Equal(casesBefore + 1, await fixture.App.WithDbAsync(db => db.Cases.CountAsync())); // no orphan case from a losing copy
    }

    [Fact]
    public async Task ConcurrentWebhooks_ForOneCall_StayConsistent()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var start = await _twilio.IncomingAsync(sid);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => _twilio.PressAsync(sid, start, i % 2 == 0 ? "1" : "2")));

        var contact = await ContactAsync(sid);
        Assert.Equal(1, contact.Step);
        var answers = await fixture.App.WithDbAsync(db => db.IntakeAnswers.Where(a => a.ContactId == contact.Id).ToListAsync());
        var language = Assert.Single(answers);
        Assert.Equal(contact.Language, language.Value);
        // Every caller-facing answer is the next question, never an error.
        Assert.All(results, r => Assert.Contains("step=1", r.GatherAction));
    }

    [Fact]
    public async Task ForgedSignature_Returns403_AndWritesNothing()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var form = new Dictionary<string, string> { ["CallSid"] = sid, ["From"] = TwilioWebhooks.CallerNumber };
        var forged = await _twilio.PostAsync("/twilio/voice/incoming", form, signature: "bm90IGEgc2lnbmF0dXJl");
        var missing = await new TwilioWebhooks(fixture.App.CreateClient(), authToken: "wrong-token")
            .PostAsync("/twilio/voice/incoming", form);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.False(await fixture.App.WithDbAsync(db => db.Contacts.AnyAsync(c => c.ExternalId == sid)));
    }

    [Fact]
    public async Task GatherForUnknownCallSid_StartsTheFlowSafely()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.VoiceAsync("/twilio/voice/gather?step=5", sid, new Dictionary<string, string> { ["Digits"] = "1" });
        Assert.StartsWith("If you are in immediate danger", twiml.Says[0]);
        Assert.Contains("step=0", twiml.GatherAction);
        Assert.Equal(0, (await ContactAsync(sid)).Step);
    }

    [Fact]
    public async Task InvalidDigits_RepromptThenRouteToAPerson_NeverHangUp()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        twiml = await _twilio.PressAsync(sid, twiml, "1");
        var first = await _twilio.PressAsync(sid, twiml, "9");
        Assert.Contains("Sorry, I didn't get that.", first.Says[0]);
        Assert.Contains("safe for you to talk", first.AllText);
        var second = await _twilio.PressAsync(sid, first, "7");
        var third = await _twilio.PressAsync(sid, second, "*");

        Assert.False(third.Has("Hangup"));
        Assert.Equal("national-advocates", third.Enqueued);
        Assert.Equal(ContactState.Queued, (await ContactAsync(sid)).State);
    }

    [Fact]
    public async Task StatusCallbacks_DuplicateAndOutOfOrder_NeverRegress()
    {
        var sid = TwilioWebhooks.NewCallSid();
        await _twilio.IncomingAsync(sid);
        await _twilio.StatusAsync(sid, "completed");
        await _twilio.StatusAsync(sid, "ringing");
        await _twilio.StatusAsync(sid, "in-progress");
        await _twilio.StatusAsync(sid, "completed");

        var contact = await ContactAsync(sid);
        Assert.Equal("completed", contact.CallStatus);
        Assert.Equal(ContactState.Abandoned, contact.State);
    }

    [Fact]
    public async Task QueueWait_AfterConfiguredWait_OffersCallback_AndPressing1LeavesWithConsent()
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        foreach (var digits in new[] { "1", "1", "1", "2" }) twiml = await _twilio.PressAsync(sid, twiml, digits);
        Assert.Equal("national-advocates", twiml.Enqueued);

        var early = await _twilio.VoiceAsync(
            "/twilio/voice/queue-wait?lang=en", sid, new Dictionary<string, string> { ["QueuePosition"] = "3", ["QueueTime"] = "30" });
        Assert.Contains("number 3 in line", early.AllText);
        Assert.False(early.Has("Gather"));
        var late = await _twilio.VoiceAsync(
            "/twilio/voice/queue-wait?lang=en", sid, new Dictionary<string, string> { ["QueuePosition"] = "2", ["QueueTime"] = "130" });
        Assert.Contains("press 1", late.AllText);

        var leave = await _twilio.VoiceAsync("/twilio/voice/queue-callback", sid, new Dictionary<string, string> { ["Digits"] = "1" });
        Assert.True(leave.Has("Leave"));
        var result = await _twilio.VoiceAsync(
            "/twilio/voice/queue-result", sid, new Dictionary<string, string> { ["QueueResult"] = "leave" });
        Assert.Contains("call you back", result.AllText);
        var contact = await ContactAsync(sid);
        Assert.True(contact.Case.CallbackAllowed);
        Assert.NotNull(contact.Case.CallbackDueAt);
        Assert.Equal(ContactState.Completed, contact.State);
    }

    [Fact]
    public async Task RepeatCaller_IsLinkedByKeyedHash_NumberStoredOnlyEncrypted()
    {
        var first = TwilioWebhooks.NewCallSid();
        var second = TwilioWebhooks.NewCallSid();
        await _twilio.IncomingAsync(first);
        await _twilio.IncomingAsync(second);
        var a = await ContactAsync(first);
        var b = await ContactAsync(second);
        Assert.NotEqual(a.CaseId, b.CaseId);
        Assert.NotNull(a.Case.CallerHash);
        Assert.Equal(a.Case.CallerHash, b.Case.CallerHash);
        Assert.Equal(TwilioWebhooks.CallerNumber, a.Case.CallerNumber);
        var raw = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, $"SELECT \"CallerNumber\" || \"CallerHash\" FROM cases WHERE \"Id\" = '{a.CaseId}'");
        Assert.DoesNotContain("5557654321", raw);
    }
}
