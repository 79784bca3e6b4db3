using System.Net;
using Hotline.Core.Callbacks;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Telephony.Callbacks;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>
/// A callback the service made whose final status callback was lost: the reconcile asks Twilio's Calls API (WireMock)
/// and ends it through the callback's own status handler, so the attempt is recorded and the retry rule applies.
/// </summary>
public class CallbackReconcileTests : IClassFixture<AppFixture>
{
    private readonly AppFixture _fixture;

    public CallbackReconcileTests(AppFixture fixture)
    {
        _fixture = fixture;
        _fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        CallbackSeed.AnswerCallsWithFreshSids(fixture.Twilio);
        CallbackSeed.AnswerParticipants(fixture.Twilio);
        // Any other call Twilio is asked about is still going.
        fixture.Twilio.Server.Given(Request.Create()
                .WithPath(new RegexMatcher($"^/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Calls/CA[0-9a-zA-Z]+\\.json$")).UsingGet())
            .AtPriority(50)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"sid\":\"CA" + new string('9', 32) + "\",\"status\":\"in-progress\"}"));
    }

    private HotlineApp App => _fixture.App;

    [Fact]
    public async Task CallbackWhoseFinalStatusWasLost_ReconcileRecordsTheAttemptFromTwilio_AndTheRetryRuleApplies()
    {
        var caseId = await CallbackSeed.CaseOwingCallbackAsync(App, "afternoon", voicemailAllowed: false);
        var email = await ConsoleSeed.UserAsync(App, Roles.Operator, phone: "+15550100333");
        var advocate = await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword);
        var placed = await ConsoleClient.PostFormAsync(advocate, $"/cases/{caseId}", CallbackRoutes.CallBack(caseId),
            new() { ["device"] = "phone", ["returnTo"] = "case" });
        Assert.Equal(HttpStatusCode.Redirect, placed.StatusCode);
        var attempt = await App.WithDbAsync(db => db.CallbackAttempts.AsNoTracking().SingleAsync(a => a.CaseId == caseId));
        // Nobody answered; Twilio's "no-answer" status callback never reached us.
        _fixture.Twilio.Server.Given(Request.Create().WithPath(TwilioApiMock.CallPath(attempt.CallSid!)).UsingGet()).AtPriority(-2)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"sid\":\"" + attempt.CallSid + "\",\"status\":\"no-answer\",\"duration\":\"0\"}"));
        App.Clock.Advance(TimeSpan.FromMinutes(6));

        await App.RunAsync<QueueReconcileJob>(j => j.RunAsync());
        await App.RunAsync<CallbackSettleJob>(j => j.RunAsync(attempt.Id)); // the job the status handler enqueued

        var recorded = await App.WithDbAsync(db => db.CallbackAttempts.AsNoTracking().SingleAsync(a => a.Id == attempt.Id));
        Assert.Equal(CallbackOutcome.NoAnswer, recorded.Outcome);
        Assert.Equal(CallbackPromise.Rescheduled, recorded.Promise);
        Assert.NotNull(recorded.EndedAt);
        var contact = await App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == attempt.ContactId));
        Assert.Equal(ContactState.Completed, contact.State);
        Assert.Equal("no-answer", contact.CallStatus);
        var after = await App.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId));
        Assert.True(after.CallbackDue); // still owed: the pathway's retry rule rescheduled it
        Assert.Equal(App.Clock.GetUtcNow() + TimeSpan.FromMinutes(30), after.CallbackDueAt);
    }
}
