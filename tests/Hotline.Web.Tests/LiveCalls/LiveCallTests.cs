using System.Net;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.LiveCalls;

/// <summary>A taken call is a Twilio conference: the exact requests Twilio receives, and what the signed callbacks keep.</summary>
public class LiveCallTests(LiveCallFixture fixture) : IClassFixture<LiveCallFixture>
{
    private HotlineApp App => fixture.App;

    [Fact]
    public async Task Take_AddInterpreter_ConferenceInPolice_AdvocateLeaves_CallerHangsUp()
    {
        // Take: the caller moves into their room, the advocate's phone is dialled into it.
        var call = await fixture.TakeAsync();
        var redirect = Assert.Single(fixture.Twilio.Requests($"/Calls/{call.CallerSid}.json"));
        var twiml = redirect.Form["Twiml"];
        Assert.Contains($">{call.Room}</Conference>", twiml);
        Assert.Contains("endConferenceOnExit=\"true\"", twiml);
        Assert.Contains("waitUrl=\"http://hotline.test/twilio/voice/conference-hold?lang=es\"", twiml);
        Assert.Contains($"statusCallback=\"http://hotline.test/twilio/voice/conference?contact={call.ContactId:D}\"", twiml);
        var advocateAdd = Assert.Single(fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(call.Room)));
        Assert.Equal("+15550100222", advocateAdd.Form["To"]);
        Assert.Equal(HotlineApp.HotlineNumber, advocateAdd.Form["From"]);
        Assert.Equal("advocate", advocateAdd.Form["Label"]);
        Assert.Equal("false", advocateAdd.Form["EndConferenceOnExit"]);
        Assert.StartsWith("http://hotline.test/twilio/voice/participant?leg=", advocateAdd.Form["StatusCallback"]);
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);

        // The interpreter line for the caller's IVR language (es), with its access code sent as DTMF once it answers.
        var page = await call.Client.GetStringAsync($"/cases/{call.CaseId}");
        Assert.Contains("Add interpreter: Spanish interpreters (es)", page);
        var added = await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/interpreter",
            new() { ["language"] = "es" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var dialled = fixture.Twilio.Requests($"/Accounts/{TwilioApiMock.AccountSid}/Calls.json")[^1];
        Assert.Equal(LiveCallFixture.SpanishLine, dialled.Form["To"]);
        Assert.Equal(LiveCallFixture.AccessCode, dialled.Form["SendDigits"]);
        Assert.Contains($">{call.Room}</Conference>", dialled.Form["Twiml"]);
        Assert.Contains("participantLabel=\"interpreter\"", dialled.Form["Twiml"]);
        var interpreter = await fixture.LegAsync(call.ContactId, LegRole.Interpreter);
        await fixture.ConferenceEventAsync(call, "participant-join", interpreter.CallSid);
        App.Clock.Advance(TimeSpan.FromMinutes(4));

        // The police duty line from the directory, the caller on hold while the advocate speaks to them first.
        await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/outside",
            new() { ["agencyId"] = LiveCallFixture.Police.ToString(), ["number"] = "", ["holdCaller"] = "true" });
        var hold = fixture.Twilio.Requests($"/Participants/{call.CallerSid}.json").Single();
        Assert.Equal("true", hold.Form["Hold"]);
        Assert.Equal("http://hotline.test/twilio/voice/conference-hold?lang=es", hold.Form["HoldUrl"]);
        var policeAdd = fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(call.Room))[^1];
        Assert.Equal("+12025550100", policeAdd.Form["To"]);
        Assert.Equal("outside", policeAdd.Form["Label"]);
        var police = await fixture.LegAsync(call.ContactId, LegRole.Outside);
        await fixture.ConferenceEventAsync(call, "participant-hold", call.CallerSid, "Hold", "true");
        await fixture.ConferenceEventAsync(call, "participant-join", police.CallSid);

        // Everyone together; the interpreter hangs up after 12 minutes on the call.
        await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/hold",
            new() { ["hold"] = "false" });
        Assert.Equal("false", fixture.Twilio.Requests($"/Participants/{call.CallerSid}.json")[^1].Form["Hold"]);
        await fixture.ConferenceEventAsync(call, "participant-unhold", call.CallerSid, "Hold", "false");
        App.Clock.Advance(TimeSpan.FromMinutes(8));
        await fixture.ConferenceEventAsync(call, "participant-leave", interpreter.CallSid);

        // The advocate leaves; the caller stays with the police (no redirect back to the queue).
        var left = await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/leave", []);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var removal = Assert.Single(fixture.Twilio.Requests($"/Participants/{call.AdvocateSid}.json"), r => r.Method == "DELETE");
        Assert.EndsWith($"/Conferences/{ConferenceApiStubs.ConferenceSid}/Participants/{call.AdvocateSid}.json", removal.Path);
        await fixture.ConferenceEventAsync(call, "participant-leave", call.AdvocateSid);
        Assert.Single(fixture.Twilio.Requests($"/Calls/{call.CallerSid}.json")); // only the take's redirect

        // The caller hangs up: their leg ends the room.
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.ConferenceEventAsync(call, "participant-leave", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "conference-end");
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Webhooks.StatusAsync(call.CallerSid, "completed"));

        var legs = await App.WithDbAsync(db => db.LiveCallLegs.AsNoTracking().Where(l => l.ContactId == call.ContactId).ToListAsync());
        Assert.All(legs, l => Assert.Equal(LegState.Left, l.State));
        var billed = legs.Single(l => l.Role == LegRole.Interpreter);
        Assert.Equal(TimeSpan.FromMinutes(12), billed.LeftAt - billed.JoinedAt);
        var referral = await App.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(r => r.CaseId == call.CaseId));
        Assert.Equal(ReferralStatus.HandedOverByPhone, referral.Status);
        Assert.Equal(LiveCallFixture.Police, referral.AgencyId);
        Assert.Equal(ContactState.Completed,
            await App.WithDbAsync(db => db.Contacts.Where(c => c.Id == call.ContactId).Select(c => c.State).SingleAsync()));

        var casePage = WebUtility.HtmlDecode(await call.Client.GetStringAsync($"/cases/{call.CaseId}"));
        Assert.Contains("Call ended — wrap up", casePage);
        Assert.Contains("Interpreter Spanish interpreters (es) left the call", casePage);
        Assert.Contains("on the call 12:00", casePage);
        Assert.Contains("Federal Anti-Trafficking Police Unit joined the call", casePage);
        Assert.Contains("Referral to Federal Anti-Trafficking Police Unit (Handed over by phone)", casePage);
        Assert.Contains("Outside line called by", casePage);
        Assert.Contains("caller on hold meanwhile", casePage);
        Assert.Contains("Caller taken off hold", casePage);
        Assert.Contains("Advocate left the call", casePage);
    }

    [Fact]
    public async Task AdvocatePhoneDoesNotAnswer_CallerGoesBackToTheFrontOfTheQueue()
    {
        var call = await fixture.TakeAsync();
        var queuedAt = await App.WithDbAsync(db => db.Contacts.Where(c => c.Id == call.ContactId).Select(c => c.EnqueuedAt).SingleAsync());
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);

        await fixture.LegStatusAsync(await fixture.LegAsync(call.ContactId, LegRole.Advocate), "no-answer");

        var back = fixture.Twilio.Requests($"/Calls/{call.CallerSid}.json")[^1];
        Assert.Contains("<Enqueue", back.Form["Twiml"]);
        Assert.Contains("waitUrl=\"http://hotline.test/twilio/voice/queue-wait?lang=es\"", back.Form["Twiml"]);
        var contact = await App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == call.ContactId));
        Assert.Equal(ContactState.Queued, contact.State);
        Assert.Null(contact.AnsweredBy);
        Assert.Equal(queuedAt, contact.EnqueuedAt); // first queued: first on the board again
        var advocate = await fixture.LegAsync(call.ContactId, LegRole.Advocate);
        Assert.Equal(LegState.Failed, advocate.State);
        Assert.Equal("The advocate's phone did not answer.", advocate.Failure);
        var board = await call.Client.GetStringAsync("/board/live");
        Assert.Contains(call.Reference, board);
    }

    [Fact]
    public async Task ParticipantsApiRefusesTheAdvocate_CallerBackInQueueAndAdvocateToldInWords()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(App);
        fixture.Twilio.StubError(ConferenceApiStubs.ParticipantsPath(ConferenceRooms.NameFor(caller.ContactId)), 400, 21217);
        var email = await ConsoleSeed.UserAsync(App, Roles.Operator, phone: "+15550100222");
        var client = await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword);

        var response = await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        Assert.Equal("/", response.Headers.Location?.ToString());
        var board = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("Could not call your phone: Twilio refused that number (error 21217).", board);
        Assert.Contains("The caller is back at the front of the queue.", board);
        var updates = fixture.Twilio.Requests($"/Calls/{caller.CallSid}.json");
        Assert.Equal(2, updates.Count);
        Assert.Contains("<Conference", updates[0].Form["Twiml"]);
        Assert.Contains("<Enqueue", updates[1].Form["Twiml"]);
        Assert.Equal(ContactState.Queued,
            await App.WithDbAsync(db => db.Contacts.Where(c => c.Id == caller.ContactId).Select(c => c.State).SingleAsync()));
        Assert.DoesNotContain("api.twilio.com", board);
    }

    [Fact]
    public async Task InterpreterLineDoesNotAnswer_AdvocateReadsItInWords()
    {
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/interpreter",
            new() { ["language"] = "es" });

        await fixture.LegStatusAsync(await fixture.LegAsync(call.ContactId, LegRole.Interpreter), "no-answer");

        var panel = WebUtility.HtmlDecode(await call.Client.GetStringAsync($"/cases/{call.CaseId}/live-call"));
        Assert.Contains("The interpreter line did not answer.", panel);
        var timeline = WebUtility.HtmlDecode(await call.Client.GetStringAsync($"/cases/{call.CaseId}"));
        Assert.Contains("Interpreter Spanish interpreters (es) did not join", timeline);
        // Only the advocate's failure sends the caller back: they are still on their call.
        Assert.Single(fixture.Twilio.Requests($"/Calls/{call.CallerSid}.json"));
    }

    [Fact]
    public async Task SupervisorListensMutedAndWhispersToTheAdvocate_BothAudited_OperatorsMayNot()
    {
        var call = await fixture.TakeAsync();
        await fixture.ConferenceEventAsync(call, "participant-join", call.CallerSid);
        await fixture.ConferenceEventAsync(call, "participant-join", call.AdvocateSid);
        var supervisorEmail = await ConsoleSeed.UserAsync(App, Roles.Supervisor, phone: "+15550100333");
        var supervisor = await ConsoleClient.SignedInAsync(App, supervisorEmail, ConsoleSeed.OperatorPassword);
        var board = await supervisor.GetStringAsync("/board/live-calls");
        Assert.Contains(call.Reference, board);
        Assert.Contains("Whisper", board);

        await ConsoleClient.PostFormAsync(supervisor, "/", $"/board/live-calls/{call.ContactId}/listen", []);
        await ConsoleClient.PostFormAsync(supervisor, "/", $"/board/live-calls/{call.ContactId}/whisper", []);

        var adds = fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(call.Room))
            .Where(r => r.Form["To"] == "+15550100333").ToList();
        Assert.Equal(2, adds.Count);
        Assert.Equal("supervisor", adds[0].Form["Label"]);
        Assert.Equal("true", adds[0].Form["Muted"]);
        Assert.False(adds[0].Form.ContainsKey("Coaching"));
        Assert.Equal("true", adds[1].Form["Coaching"]);
        Assert.Equal(call.AdvocateSid, adds[1].Form["CallSidToCoach"]);
        Assert.Equal("false", adds[1].Form["Muted"]);
        var audited = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.CaseId == call.CaseId
            && (a.Action == "call.listen" || a.Action == "call.whisper")).Select(a => a.Action).ToListAsync());
        Assert.Equal(["call.listen", "call.whisper"], audited.Order());
        Assert.Contains("supervisor whispering", await supervisor.GetStringAsync("/board/live-calls"));

        var before = fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(call.Room)).Count;
        var refused = await ConsoleClient.PostFormAsync(call.Client, "/", $"/board/live-calls/{call.ContactId}/listen", []);
        Assert.NotEqual("/", refused.Headers.Location?.ToString());
        Assert.Equal(before, fixture.Twilio.Requests(ConferenceApiStubs.ParticipantsPath(call.Room)).Count);
        Assert.DoesNotContain("Whisper", await call.Client.GetStringAsync("/board/live-calls"));
    }

    [Fact]
    public async Task Simulator_PlaysTheCallersSideOfTheConference_JoinHoldMusicAndHangUp()
    {
        var call = await fixture.TakeAsync();
        var twiml = fixture.Twilio.Requests($"/Calls/{call.CallerSid}.json")[^1].Form["Twiml"];
        var client = new Hotline.Simulator.WebhookClient(App.CreateClient(), new Uri("http://localhost"), HotlineApp.AuthToken,
            new Uri(HotlineApp.PublicBaseUrl));
        var output = new StringWriter();
        var player = new Hotline.Simulator.TwimlPlayer(client, new Hotline.Simulator.CallOptions(),
            new Hotline.Simulator.ScriptedInput([]), output);

        var played = await player.PlayRedirectAsync(new Hotline.Simulator.CallTranscript(call.CallerSid), twiml);

        Assert.Equal(call.Room, played.Conference);
        Assert.Contains($"[conference {call.Room}: the caller joins]", output.ToString());
        Assert.Contains("[hold music]", played.Heard);
        var caller = await fixture.LegAsync(call.ContactId, LegRole.Caller);
        Assert.NotNull(caller.JoinedAt);
        Assert.Equal(LegState.Left, caller.State);
        Assert.Equal(LegState.Failed, (await fixture.LegAsync(call.ContactId, LegRole.Advocate)).State); // never joined: room ended
        Assert.Equal(ContactState.Completed,
            await App.WithDbAsync(db => db.Contacts.Where(c => c.Id == call.ContactId).Select(c => c.State).SingleAsync()));
    }

    [Fact]
    public async Task ConferenceCallback_Unsigned_RefusedAndNothingKept()
    {
        var call = await fixture.TakeAsync();
        var form = new Dictionary<string, string>
        {
            ["ConferenceSid"] = ConferenceApiStubs.ConferenceSid, ["FriendlyName"] = call.Room,
            ["StatusCallbackEvent"] = "participant-leave", ["CallSid"] = call.AdvocateSid,
        };

        var response = await fixture.Webhooks.PostAsync($"/twilio/voice/conference?contact={call.ContactId:D}", form, signature: "forged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(LegState.Calling, (await fixture.LegAsync(call.ContactId, LegRole.Advocate)).State);
    }

    [Fact]
    public async Task TypedNumber_PremiumRate_RefusedBeforeAnythingIsDialled()
    {
        var call = await fixture.TakeAsync();
        var before = fixture.Twilio.Server.LogEntries.Count;

        await ConsoleClient.PostFormAsync(call.Client, $"/cases/{call.CaseId}", $"/cases/{call.CaseId}/live-call/outside",
            new() { ["agencyId"] = "", ["number"] = "+19005550123" });

        Assert.Contains("premium-rate", WebUtility.HtmlDecode(await call.Client.GetStringAsync($"/cases/{call.CaseId}")));
        Assert.Equal(before, fixture.Twilio.Server.LogEntries.Count);
    }
}
