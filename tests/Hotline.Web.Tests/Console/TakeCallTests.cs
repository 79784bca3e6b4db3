using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

public class TakeCallTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Take_QueuedCaller_MovesCallerIntoConferenceAndDialsOperatorPhoneIntoItAndAssignsCase()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator, phone: "+13125550122");
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        var response = await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/cases/{caller.CaseId}", response.Headers.Location!.ToString());
        var update = Assert.Single(
            fixture.Twilio.Server.LogEntries,
            e => e.RequestMessage!.Path.EndsWith($"/Calls/{caller.CallSid}.json", StringComparison.Ordinal));
        var twiml = ConferenceApiStubs.Form(update.RequestMessage!.Body!)["Twiml"];
        Assert.Contains($"<Conference", twiml);
        Assert.Contains(">" + Hotline.Web.Telephony.LiveCalls.ConferenceRooms.NameFor(caller.ContactId) + "</Conference>", twiml);
        var advocate = Assert.Single(fixture.Twilio.Server.LogEntries, e => e.RequestMessage!.Path.EndsWith("/Participants.json",
            StringComparison.Ordinal) && e.RequestMessage.Body!.Contains(WebUtility.UrlEncode("+13125550122"), StringComparison.Ordinal));
        Assert.Contains("Label=advocate", advocate.RequestMessage!.Body!);
        var (contact, @case) = await fixture.App.WithDbAsync(async db =>
            (await db.Contacts.SingleAsync(c => c.Id == caller.ContactId), await db.Cases.SingleAsync(c => c.Id == caller.CaseId)));
        Assert.Equal(ContactState.WithOperator, contact.State);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), contact.AnsweredAt);
        Assert.Equal(CaseStatus.InProgress, @case.Status);
        Assert.Equal(contact.AnsweredBy, @case.AssignedOperatorId);
    }

    [Fact]
    public async Task Take_CallAlreadyTaken_RefusesWithoutDialling()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);
        await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);
        var callsBefore = fixture.Twilio.CallUpdates().Count;

        var second = await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        Assert.Equal("/", second.Headers.Location!.ToString());
        Assert.Equal(callsBefore, fixture.Twilio.CallUpdates().Count);
        Assert.Contains("no longer waiting", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Take_OperatorWithoutPhone_ExplainsAndCallerStaysQueued()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator, phone: null);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        Assert.Contains("has no operator phone", await client.GetStringAsync("/"));
        var state = await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.Id == caller.ContactId).Select(c => c.State).SingleAsync());
        Assert.Equal(ContactState.Queued, state);
    }

    [Fact]
    public async Task LiveBoard_CrisisCaller_ListedBeforeLongerWaitingCaller()
    {
        var calm = await ConsoleSeed.QueuedCallerAsync(fixture.App, waiting: TimeSpan.FromMinutes(20));
        var crisis = await ConsoleSeed.QueuedCallerAsync(fixture.App, imminentDanger: true, waiting: TimeSpan.FromMinutes(1));
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = await client.GetStringAsync("/board/live");

        Assert.DoesNotContain("<html", board);
        Assert.True(board.IndexOf(crisis.Reference, StringComparison.Ordinal) < board.IndexOf(calm.Reference, StringComparison.Ordinal));
        Assert.Contains("Immediate danger", board);
    }

    [Fact]
    public async Task Take_TwilioUnreachable_SaysWhatHappenedAndWhatToDoWithoutUrlsOrIds()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        fixture.Twilio.StubUnreachable(TwilioApiMock.CallPath(caller.CallSid));
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        var board = await client.GetStringAsync("/");
        Assert.Contains("Twilio could not be reached. The caller is still waiting in the queue: try again, or call the backup line", board);
        Assert.DoesNotContain("may have just hung up", board);
        Assert.DoesNotContain("api.twilio.com", board);
        Assert.DoesNotContain(TwilioApiMock.AccountSid, board);
        Assert.DoesNotContain(caller.CallSid, board);
        var state = await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.Id == caller.ContactId).Select(c => c.State).SingleAsync());
        Assert.Equal(ContactState.Queued, state);
    }

    [Fact]
    public async Task Take_TwilioSaysTheCallIsGone_SaysTheCallerHungUpWithoutIds()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        fixture.Twilio.StubError(TwilioApiMock.CallPath(caller.CallSid), 404, 20404);
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        var board = await client.GetStringAsync("/");
        Assert.Contains("Twilio says it has already ended (the caller hung up)", board);
        Assert.DoesNotContain(TwilioApiMock.AccountSid, board);
        Assert.DoesNotContain("/2010-04-01/", board);
    }

    [Fact]
    public async Task Take_TwilioAnswersWithNothing_IsNotReportedAsPutThrough()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        fixture.Twilio.StubEmptyAnswer(TwilioApiMock.CallPath(caller.CallSid));
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);

        var board = await client.GetStringAsync("/");
        Assert.Contains("Twilio could not be reached. The caller is still waiting in the queue", board);
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Id == caller.ContactId));
        Assert.Equal(ContactState.Queued, contact.State);
    }

    [Fact]
    public async Task Take_CaseWrittenWhileTwilioPutsTheCallThrough_IsTakenWithoutAnErrorPage()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        fixture.Twilio.StubSlowCallUpdate(TwilioApiMock.CallPath(caller.CallSid), TimeSpan.FromSeconds(2));
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator, phone: "+13125550133");
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);

        var take = ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);
        await Task.Delay(TimeSpan.FromMilliseconds(800)); // the claim is saved; Twilio has not answered yet
        // A webhook writing the case meanwhile (new row version), as an IVR answer or status callback would.
        await fixture.App.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE cases SET \"UpdatedAt\" = \"UpdatedAt\" WHERE \"Id\" = {caller.CaseId}"));
        var response = await take;

        Assert.True((int)response.StatusCode < 500, $"taking the call answered {(int)response.StatusCode}");
        var @case = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        var user = await fixture.App.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(user.Id, @case.AssignedOperatorId);
    }
}
