using System.Net;
using Hotline.Core.Callbacks;
using Hotline.Web.Data;
using Hotline.Web.Telephony.Callbacks;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>
/// Issue #14, point 7: "Call back" from the console. WireMock stands in for Twilio's REST API and the test asserts the
/// exact requests (from the hotline number, answering-machine detection, signed callbacks); Twilio's detection and status
/// reports are sent signed, as Twilio sends them. The clock is Wednesday 14:00 in Chicago (the national flow's zone):
/// the "afternoon" window (12:00-17:00) is open, "morning" (08:00-12:00) is not.
/// </summary>
public class CallbackTests : IClassFixture<AppFixture>
{
    private readonly AppFixture _fixture;
    private readonly TwilioWebhooks _twilio;

    public CallbackTests(AppFixture fixture)
    {
        _fixture = fixture;
        _fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        CallbackSeed.AnswerCallsWithFreshSids(fixture.Twilio);
        CallbackSeed.AnswerParticipants(fixture.Twilio);
        _twilio = new TwilioWebhooks(fixture.App.CreateClient());
    }

    private HotlineApp App => _fixture.App;

    private async Task<(HttpClient Client, string Email)> AdvocateAsync()
    {
        var email = await ConsoleSeed.UserAsync(App, Roles.Operator, phone: "+15550100333");
        return (await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword), email);
    }

    private static async Task<HttpResponseMessage> CallBackAsync(HttpClient advocate, Guid caseId) =>
        await ConsoleClient.PostFormAsync(advocate, $"/cases/{caseId}", CallbackRoutes.CallBack(caseId),
            new() { ["device"] = "phone", ["returnTo"] = "case" });

    /// <summary>What the case page says after the redirect (the flash or the error).</summary>
    private static async Task<string> PageAfterAsync(HttpClient advocate, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await advocate.GetStringAsync(response.Headers.Location));
    }

    private IReadOnlyList<WireMock.Logging.ILogEntry> CallsPlaced() =>
        _fixture.Twilio.Server.LogEntries.Where(e => e.RequestMessage!.Path.EndsWith("/Calls.json", StringComparison.Ordinal)).ToList();

    private Task<List<CallbackAttempt>> AttemptsAsync(Guid caseId) =>
        App.WithDbAsync(db => db.CallbackAttempts.AsNoTracking().Where(a => a.CaseId == caseId).OrderBy(a => a.Number).ToListAsync());

    private Task<Case> CaseAsync(Guid caseId) => App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId));

    private IReadOnlyList<IReadOnlyDictionary<string, string>> UpdatesOf(string callSid) =>
        _fixture.Twilio.Server.LogEntries.Where(e => e.RequestMessage!.Path == TwilioApiMock.CallPath(callSid))
            .Select(e => CallbackSeed.Form(e.RequestMessage!.Body)).ToList();

    private async Task<CallbackAttempt> PlaceAsync(HttpClient advocate, Guid caseId)
    {
        var before = CallsPlaced().Count;
        var page = await PageAfterAsync(advocate, await CallBackAsync(advocate, caseId));
        Assert.Contains("Calling the caller back from the hotline number", page);
        Assert.Equal(before + 1, CallsPlaced().Count);
        return (await AttemptsAsync(caseId)).Last();
    }

    private Task<HttpResponseMessage> DetectedAsync(CallbackAttempt attempt, string answeredBy) =>
        _twilio.PostAsync(CallbackRoutes.AmdFor(attempt.Id), new Dictionary<string, string>
        {
            ["CallSid"] = attempt.CallSid!, ["AccountSid"] = TwilioApiMock.AccountSid, ["AnsweredBy"] = answeredBy,
            ["MachineDetectionDuration"] = "2100",
        });

    private Task<HttpResponseMessage> EndedAsync(CallbackAttempt attempt, string status) =>
        _twilio.PostAsync(CallbackRoutes.StatusFor(attempt.Id), new Dictionary<string, string>
        {
            ["CallSid"] = attempt.CallSid!, ["AccountSid"] = TwilioApiMock.AccountSid, ["CallStatus"] = status,
            ["From"] = HotlineApp.HotlineNumber, ["To"] = CallbackSeed.CallerNumber,
        });

    private Task SettleAsync(CallbackAttempt attempt) => App.RunAsync<CallbackSettleJob>(j => j.RunAsync(attempt.Id));

    [Fact]
    public async Task CallBack_OutsideTheCallersWindow_RefusedWithWhenItOpens_AndNothingDialled()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "morning", voicemailAllowed: false);
        var (advocate, _) = await AdvocateAsync();
        var before = CallsPlaced().Count;

        var page = await PageAfterAsync(advocate, await CallBackAsync(advocate, caseId));

        Assert.Contains("Outside the caller's safe window, morning (", page);
        Assert.Contains("it opens Thu 26 Nov 08:00", page); // Chicago time, the next morning
        Assert.Equal(before, CallsPlaced().Count);
        Assert.Empty(await AttemptsAsync(caseId));
        Assert.True((await CaseAsync(caseId)).CallbackDue);
    }

    [Fact]
    public async Task CallBack_MachineWhereVoicemailNotAllowed_HangsUpLeavingNothing_AndTheAttemptIsRecorded()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "afternoon", voicemailAllowed: false);
        var (advocate, _) = await AdvocateAsync();

        var attempt = await PlaceAsync(advocate, caseId);

        // The exact request: from the hotline number to the caller, silent while detection listens, machine detection
        // reported asynchronously to our signed callback.
        var placed = CallbackSeed.Form(CallsPlaced()[^1].RequestMessage!.Body);
        Assert.Equal(CallbackSeed.CallerNumber, placed["To"]);
        Assert.Equal(HotlineApp.HotlineNumber, placed["From"]);
        Assert.Equal("Enable", placed["MachineDetection"]);
        Assert.Equal("true", placed["AsyncAmd"]);
        Assert.Equal($"{HotlineApp.PublicBaseUrl}{CallbackRoutes.AmdFor(attempt.Id)}", placed["AsyncAmdStatusCallback"]);
        Assert.Equal($"{HotlineApp.PublicBaseUrl}{CallbackRoutes.StatusFor(attempt.Id)}", placed["StatusCallback"]);
        Assert.Equal("completed", placed["StatusCallbackEvent"]);
        Assert.Equal("30", placed["Timeout"]);
        Assert.Contains("<Pause", placed["Twiml"]);
        Assert.DoesNotContain("<Say", placed["Twiml"]);
        Assert.False(placed.ContainsKey("Url"));

        Assert.Equal(HttpStatusCode.OK, (await DetectedAsync(attempt, "machine_start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DetectedAsync(attempt, "machine_start")).StatusCode); // Twilio retries: no change
        Assert.Equal(HttpStatusCode.OK, (await EndedAsync(attempt, "completed")).StatusCode);
        await SettleAsync(attempt);

        // Hung up, once, and nothing was said or played.
        var update = Assert.Single(UpdatesOf(attempt.CallSid!));
        Assert.Equal("completed", update["Status"]);
        Assert.False(update.ContainsKey("Twiml"));
        var recorded = Assert.Single(await AttemptsAsync(caseId));
        Assert.Equal(CallbackOutcome.Machine, recorded.Outcome);
        Assert.Equal("machine_start", recorded.AnsweredBy);
        Assert.Contains("without leaving anything", recorded.Detail);
        var timeline = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == caseId).Select(a => a.Action + ": " + a.Detail).ToListAsync());
        Assert.Contains(timeline, t => t.StartsWith("callback.placed: Attempt 1", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("callback.attempt: Attempt 1 of 3: an answering machine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CallBack_MachineWhereVoicemailAllowed_LeavesOnlyTheFlowsNeutralMessage()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "afternoon", voicemailAllowed: true);
        var (advocate, _) = await AdvocateAsync();

        var attempt = await PlaceAsync(advocate, caseId);
        Assert.Equal("DetectMessageEnd", CallbackSeed.Form(CallsPlaced()[^1].RequestMessage!.Body)["MachineDetection"]);
        await DetectedAsync(attempt, "machine_end_beep");

        var twiml = Assert.Single(UpdatesOf(attempt.CallSid!))["Twiml"];
        Assert.Contains("Hello, sorry we missed you. We will try again later. Goodbye.", twiml);
        Assert.Contains("<Hangup", twiml);
        foreach (var name in new[] { "Trafficking", "Polaris", "BeFree", "hotline" })
            Assert.DoesNotContain(name, twiml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CallbackOutcome.Machine, Assert.Single(await AttemptsAsync(caseId)).Outcome);
    }

    [Fact]
    public async Task CallBack_NoAnswer_ReschedulesByThePathwaysRetryRule_AndStaysDue()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "afternoon", voicemailAllowed: false);
        var (advocate, _) = await AdvocateAsync();

        var attempt = await PlaceAsync(advocate, caseId);
        await EndedAsync(attempt, "no-answer");
        await SettleAsync(attempt);
        await SettleAsync(attempt); // the sweep running it again changes nothing

        var after = await CaseAsync(caseId);
        Assert.True(after.CallbackDue); // still on "Callbacks due"
        Assert.Equal(App.Clock.GetUtcNow() + TimeSpan.FromMinutes(30), after.CallbackDueAt); // national pathway: [30m, 2h]
        var recorded = Assert.Single(await AttemptsAsync(caseId));
        Assert.Equal(CallbackOutcome.NoAnswer, recorded.Outcome);
        Assert.Equal(CallbackPromise.Rescheduled, recorded.Promise);
        Assert.Contains(CallbackRoutes.CallBack(caseId), await advocate.GetStringAsync("/board/live"));

        // Before the next try is due, the service does not dial again.
        var before = CallsPlaced().Count;
        var page = await PageAfterAsync(advocate, await CallBackAsync(advocate, caseId));
        Assert.Contains("The next try is not due yet", page);
        Assert.Equal(before, CallsPlaced().Count);
    }

    [Fact]
    public async Task CallBack_PersonAnswers_JoinsTheAdvocateInTheConference_AndClearsCallbacksDue()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "afternoon", voicemailAllowed: false);
        var (advocate, _) = await AdvocateAsync();
        Assert.Contains(CallbackRoutes.CallBack(caseId), await advocate.GetStringAsync("/board/live"));

        var attempt = await PlaceAsync(advocate, caseId);
        await DetectedAsync(attempt, "human");
        await SettleAsync(attempt);

        // The caller is put into the conference named after the callback's own call; the advocate's phone is added to it.
        var twiml = Assert.Single(UpdatesOf(attempt.CallSid!))["Twiml"];
        Assert.Contains($">{Hotline.Web.Telephony.LiveCalls.ConferenceRooms.NameFor(attempt.ContactId)}</Conference>", twiml);
        var advocateLeg = _fixture.Twilio.Server.LogEntries.Last(e => e.RequestMessage!.Path.EndsWith(
            $"/Conferences/{Hotline.Web.Telephony.LiveCalls.ConferenceRooms.NameFor(attempt.ContactId)}/Participants.json",
            StringComparison.Ordinal));
        var leg = CallbackSeed.Form(advocateLeg.RequestMessage!.Body);
        Assert.Equal("+15550100333", leg["To"]); // the advocate's phone; the caller's number is never shown to them
        Assert.Equal(HotlineApp.HotlineNumber, leg["From"]);
        var recorded = Assert.Single(await AttemptsAsync(caseId));
        Assert.Equal(CallbackOutcome.Answered, recorded.Outcome);
        Assert.Equal(CallbackPromise.Kept, recorded.Promise);
        var after = await CaseAsync(caseId);
        Assert.False(after.CallbackDue);
        Assert.Null(after.CallbackDueAt);
        Assert.DoesNotContain(CallbackRoutes.CallBack(caseId), await advocate.GetStringAsync("/board/live"));
        Assert.True(await App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Action == "callback.reached")));
    }

    [Fact]
    public async Task CallBack_AttemptsRunOut_ClearsCallbacksDue_AndTellsTheSupervisor()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "afternoon", voicemailAllowed: false);
        var (_, email) = await AdvocateAsync();
        var start = App.Clock.GetUtcNow();
        try
        {
            foreach (var wait in new[] { TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.Zero })
            {
                // Signed in afresh each time: the console's sign-in lapses over the hours the retry rule waits.
                var advocate = await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword);
                var attempt = await PlaceAsync(advocate, caseId);
                await EndedAsync(attempt, "busy");
                await SettleAsync(attempt);
                App.Clock.Advance(wait);
            }

            var after = await CaseAsync(caseId);
            Assert.False(after.CallbackDue);
            Assert.Equal([CallbackPromise.Rescheduled, CallbackPromise.Rescheduled, CallbackPromise.GaveUp],
                (await AttemptsAsync(caseId)).Select(a => a.Promise!.Value));
            var alert = _fixture.Twilio.SentMessageForms().Last(m => m["To"] == "+15550100999");
            Assert.Contains("reached nobody after 3 attempts", alert["Body"]);
            Assert.DoesNotContain(CallbackSeed.CallerNumber, alert["Body"]);
        }
        finally
        {
            App.Clock.Set(start);
        }
    }

    [Fact]
    public async Task CallbackWebhooks_Unsigned_Forbidden_AndChangeNothing()
    {
        var response = await _fixture.App.CreateClient().PostAsync(CallbackRoutes.AmdFor(Guid.NewGuid()),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["AnsweredBy"] = "human" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
