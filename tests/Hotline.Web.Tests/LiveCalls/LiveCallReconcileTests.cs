using System.Globalization;
using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Form = System.Collections.Generic.Dictionary<string, string>;

namespace Hotline.Web.Tests.LiveCalls;

/// <summary>
/// Twilio does not retry status callbacks: one lost to a database error must not leave a leg or a taken call "live" for
/// ever. The recurring reconcile asks Twilio's Calls API (WireMock here) and settles them the way the callback would have.
/// </summary>
public class LiveCallReconcileTests(LiveCallFixture fixture) : IClassFixture<LiveCallFixture>
{
    private HotlineApp App => fixture.App;
    private int _priority = -2;

    private Task ReconcileAsync() => App.RunAsync<QueueReconcileJob>(j => j.RunAsync());

    /// <summary>Every call Twilio is asked about is still going, unless a test says otherwise for one call.</summary>
    private void EveryOtherCallInProgress() =>
        fixture.Twilio.Server.Given(Request.Create()
                .WithPath(new RegexMatcher($"^/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Calls/CA[0-9a-zA-Z]+\\.json$")).UsingGet())
            .AtPriority(50)
            .RespondWith(Json(200, "{\"sid\":\"CA" + new string('9', 32) + "\",\"status\":\"in-progress\"}"));

    /// <summary>Twilio's Calls API on one call: its status and times, or an error when <paramref name="status"/> is null.</summary>
    private void TwilioSays(
        string callSid, int httpStatus, string? status = null, DateTimeOffset? ended = null, TimeSpan? talked = null,
        DateTimeOffset? started = null)
    {
        var body = status is null
            ? "{\"code\":20500,\"message\":\"Service unavailable\",\"status\":" + httpStatus + "}"
            : "{\"sid\":\"" + callSid + "\",\"status\":\"" + status + "\",\"account_sid\":\"" + TwilioApiMock.AccountSid + "\""
                + (started is { } b ? ",\"start_time\":\"" + Rfc2822(b) + "\"" : "")
                + (ended is { } e ? ",\"end_time\":\"" + Rfc2822(e) + "\"" : "")
                + (talked is { } t ? ",\"duration\":\"" + ((int)t.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "\"" : "")
                + "}";
        // A later stub wins over an earlier one for the same call.
        fixture.Twilio.Server.Given(Request.Create().WithPath(TwilioApiMock.CallPath(callSid)).UsingGet()).AtPriority(_priority--)
            .RespondWith(Json(httpStatus, body));
    }

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static string Rfc2822(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);

    private int TwilioAskedAbout(string callSid) =>
        fixture.Twilio.Server.LogEntries.Count(
            e => e.RequestMessage!.Method == "GET" && e.RequestMessage.Path == TwilioApiMock.CallPath(callSid));

    private Task<Contact> ContactAsync(Guid contactId) =>
        App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contactId));

    /// <summary>Every write to the legs table fails, as on a full disk or a lost primary, until the returned handle is disposed.</summary>
    private async Task<IAsyncDisposable> LegWritesFailAsync()
    {
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE OR REPLACE FUNCTION test_refuse_leg_writes() RETURNS trigger LANGUAGE plpgsql
                AS $$ BEGIN RAISE EXCEPTION 'could not write (test)'; END $$;
            CREATE TRIGGER test_refuse_leg_writes BEFORE INSERT OR UPDATE ON live_call_legs
                FOR EACH ROW EXECUTE FUNCTION test_refuse_leg_writes();
            """));
        return new Undo(() => App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "DROP TRIGGER IF EXISTS test_refuse_leg_writes ON live_call_legs; DROP FUNCTION IF EXISTS test_refuse_leg_writes();")));
    }

    private sealed class Undo(Func<Task> undo) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await undo();
    }

    [Fact]
    public async Task ParticipantCallbackLostToADatabaseError_ReconcileSettlesTheLegFromTwilio()
    {
        EveryOtherCallInProgress();
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/interpreter",
            new() { ["language"] = "es" });
        var interpreter = await fixture.LegAsync(call.ContactId, LegRole.Interpreter);
        await fixture.ConferenceEventAsync(call, "participant-join", interpreter.CallSid);
        var joined = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromMinutes(12));

        // The interpreter hangs up while the database refuses writes: both callbacks about it are lost (Twilio does not
        // retry them), and each is answered 503 so Twilio's debugger shows it rather than a success.
        await using (await LegWritesFailAsync())
        {
            var status = await fixture.Webhooks.PostAsync($"/twilio/voice/participant?leg={interpreter.Id:D}", new Form
            {
                ["AccountSid"] = TwilioApiMock.AccountSid, ["CallSid"] = interpreter.CallSid!, ["CallStatus"] = "completed",
            });
            var leave = await fixture.Webhooks.PostAsync($"/twilio/voice/conference?contact={call.ContactId:D}", new Form
            {
                ["AccountSid"] = TwilioApiMock.AccountSid, ["ConferenceSid"] = ConferenceApiStubs.ConferenceSid,
                ["FriendlyName"] = call.Room, ["StatusCallbackEvent"] = "participant-leave", ["CallSid"] = interpreter.CallSid!,
            });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, leave.StatusCode);
        }
        Assert.Equal(LegState.Joined, (await fixture.LegAsync(call.ContactId, LegRole.Interpreter)).State);
        TwilioSays(interpreter.CallSid!, 200, "completed", ended: joined + TimeSpan.FromMinutes(12), talked: TimeSpan.FromMinutes(12));
        App.Clock.Advance(TimeSpan.FromMinutes(4));

        await ReconcileAsync();

        var settled = await fixture.LegAsync(call.ContactId, LegRole.Interpreter);
        Assert.Equal(LegState.Left, settled.State);
        Assert.Equal(joined + TimeSpan.FromMinutes(12), settled.LeftAt); // Twilio's end, not when the sweep ran
        Assert.Equal(TimeSpan.FromMinutes(12), settled.OnCall(App.Clock.GetUtcNow())); // the billed minutes
        var casePage = WebUtility.HtmlDecode(await call.Client.GetStringAsync($"/cases/{call.CaseId}"));
        Assert.Contains("on the call 12:00", casePage);
        Assert.Contains("Interpreter Spanish interpreters (es) left the call", casePage);
        Assert.Equal(LegState.Joined, (await fixture.LegAsync(call.ContactId, LegRole.Advocate)).State); // still talking

        // The lost callback arrives after all (or Twilio's retry): it changes nothing.
        await fixture.LegStatusAsync(settled, "completed");
        await ReconcileAsync();
        var again = await fixture.LegAsync(call.ContactId, LegRole.Interpreter);
        Assert.Equal(settled.LeftAt, again.LeftAt);
        Assert.Equal(settled.Version, again.Version);
    }

    [Fact]
    public async Task AdvocateJoinAndLeaveBothLost_ReconcileKeepsTheTimesTwilioGives_AndRequeuesTheCaller()
    {
        EveryOtherCallInProgress();
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        var taken = App.Clock.GetUtcNow();
        // The advocate's phone answered after 10 s and hung up 2 minutes later; neither callback reached us.
        TwilioSays(call.AdvocateSid, 200, "completed", ended: taken + TimeSpan.FromSeconds(130), talked: TimeSpan.FromMinutes(2));
        App.Clock.Advance(TimeSpan.FromMinutes(4));

        await ReconcileAsync();

        var advocate = await fixture.LegAsync(call.ContactId, LegRole.Advocate);
        Assert.Equal(LegState.Left, advocate.State); // it joined: not "the advocate's phone did not answer"
        Assert.Equal(taken + TimeSpan.FromSeconds(10), advocate.JoinedAt);
        Assert.Equal(taken + TimeSpan.FromSeconds(130), advocate.LeftAt);
        // Nobody who can help is left with the caller: back to the front of the queue, as the leave callback would have.
        var back = fixture.Twilio.Requests($"/Calls/{call.CallerSid}.json").Where(r => r.Method == "POST").Last();
        Assert.Contains("<Enqueue", back.Form["Twiml"]);
        Assert.Equal(ContactState.Queued, (await ContactAsync(call.ContactId)).State);
    }

    [Fact]
    public async Task AdvocateJoinLost_TwilioSaysInProgress_ReconcileMarksTheLegJoinedAtTwilioTime()
    {
        EveryOtherCallInProgress();
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        var taken = App.Clock.GetUtcNow();
        TwilioSays(call.AdvocateSid, 200, "in-progress", started: taken + TimeSpan.FromSeconds(8));
        App.Clock.Advance(TimeSpan.FromMinutes(4));

        await ReconcileAsync();

        var advocate = await fixture.LegAsync(call.ContactId, LegRole.Advocate);
        Assert.Equal(LegState.Joined, advocate.State);
        Assert.Equal(taken + TimeSpan.FromSeconds(8), advocate.JoinedAt);
        Assert.Equal(ContactState.WithOperator, (await ContactAsync(call.ContactId)).State);

        // Its participant-join arrives late after all: it changes nothing.
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        Assert.Equal(advocate.Version, (await fixture.LegAsync(call.ContactId, LegRole.Advocate)).Version);
    }

    [Fact]
    public async Task TakenCallWhoseFinalStatusWasLost_ReconcileEndsItFromTwilio()
    {
        EveryOtherCallInProgress();
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await ReconcileAsync();
        Assert.Equal(ContactState.WithOperator, (await ContactAsync(call.ContactId)).State); // talking, and recently taken
        Assert.Equal(0, TwilioAskedAbout(call.CallerSid));

        // The caller hung up; the final status callback (and the conference's) never arrived.
        TwilioSays(call.CallerSid, 200, "completed", ended: App.Clock.GetUtcNow(), talked: TimeSpan.FromMinutes(3));
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await ReconcileAsync();

        Assert.True(TwilioAskedAbout(call.CallerSid) >= 1);
        var ended = await ContactAsync(call.ContactId);
        Assert.Equal(ContactState.Completed, ended.State); // exactly what the status callback does to a taken call
        Assert.Equal("completed", ended.CallStatus);
        Assert.Equal(App.Clock.GetUtcNow(), ended.EndedAt);
        var casePage = WebUtility.HtmlDecode(await call.Client.GetStringAsync($"/cases/{call.CaseId}"));
        Assert.Contains("Call ended — wrap up", casePage);

        // The lost status callback arrives after all: it changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Webhooks.StatusAsync(call.CallerSid, "completed"));
        Assert.Equal(ended.Version, (await ContactAsync(call.ContactId)).Version);
    }

    [Fact]
    public async Task TwilioUnreachable_TakenCallStaysOpen_AndIsTriedAgain()
    {
        EveryOtherCallInProgress();
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        TwilioSays(call.CallerSid, 503);
        App.Clock.Advance(TimeSpan.FromMinutes(6));

        await ReconcileAsync();

        var asked = TwilioAskedAbout(call.CallerSid);
        Assert.True(asked >= 1);
        Assert.Equal(ContactState.WithOperator, (await ContactAsync(call.ContactId)).State); // never closed on a guess
        Assert.Equal(LegState.Joined, (await fixture.LegAsync(call.ContactId, LegRole.Caller)).State);

        TwilioSays(call.CallerSid, 200, "completed", ended: App.Clock.GetUtcNow(), talked: TimeSpan.FromMinutes(6));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await ReconcileAsync();

        Assert.True(TwilioAskedAbout(call.CallerSid) > asked); // asked again on the next run
        Assert.Equal(ContactState.Completed, (await ContactAsync(call.ContactId)).State);
    }

    [Fact]
    public async Task TakenCallStillGoingAtTwilio_StaysWithTheAdvocate()
    {
        EveryOtherCallInProgress();
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        App.Clock.Advance(TimeSpan.FromMinutes(20));

        await ReconcileAsync();

        Assert.True(TwilioAskedAbout(call.CallerSid) >= 1);
        Assert.Equal(ContactState.WithOperator, (await ContactAsync(call.ContactId)).State);
        Assert.Equal(LegState.Joined, (await fixture.LegAsync(call.ContactId, LegRole.Advocate)).State);
        Assert.Null((await fixture.LegAsync(call.ContactId, LegRole.Advocate)).LeftAt);
    }
}
