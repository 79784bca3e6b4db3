using System.Globalization;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Telephony;

/// <summary>
/// A caller whose final status callback was lost must not stay "waiting" for ever: a queued call whose wait URL
/// went silent is asked about at Twilio's Calls API (WireMock here) and closed the way a status callback would.
/// </summary>
public class QueueReconcileTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    private Task<Contact> ContactAsync(string callSid) =>
        fixture.App.WithDbAsync(db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == callSid));

    /// <summary>English, safe, no danger, no child, report, callback yes (morning), no voicemail: queued with consent to a
    /// callback.</summary>
    private async Task<string> QueuedCallerAsync(bool consentsToCallback = true)
    {
        fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await _twilio.IncomingAsync(sid);
        var keys = consentsToCallback ? new[] { "1", "1", "2", "2", "1", "1", "2", "2" } : ["1", "1", "1", "2"];
        foreach (var digits in keys) twiml = await _twilio.PressAsync(sid, twiml, digits);
        Assert.Equal("national-advocates", twiml.Enqueued);
        return sid;
    }

    private void TwilioSays(string callSid, int httpStatus, string? callStatus = null) =>
        fixture.Twilio.Server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Calls/{callSid}.json")
            .UsingGet())
            .RespondWith(Response.Create().WithStatusCode(httpStatus).WithHeader("Content-Type", "application/json")
                .WithBody(callStatus is null
                    ? "{\"code\":20500,\"message\":\"Service unavailable\",\"status\":" + httpStatus + "}"
                    : "{\"sid\":\"" + callSid + "\",\"status\":\"" + callStatus + "\",\"account_sid\":\"" + TwilioApiMock.AccountSid
                        + "\"}"));

    private int TwilioAskedAbout(string callSid) =>
        fixture.Twilio.Server.LogEntries.Count(
            e => e.RequestMessage!.Method == "GET" && e.RequestMessage.Path.EndsWith($"/Calls/{callSid}.json", StringComparison.Ordinal));

    private Task ReconcileAsync() => fixture.App.RunAsync<QueueReconcileJob>(j => j.RunAsync());

    private Task PollAsync(string callSid, int waitedSeconds = 30) =>
        _twilio.VoiceAsync("/twilio/voice/queue-wait?lang=en", callSid,
            new Dictionary<string, string>
            {
                ["QueuePosition"] = "1", ["QueueTime"] = waitedSeconds.ToString(CultureInfo.InvariantCulture),
            });

    [Fact]
    public async Task QueueReconcile_SilentCallerTwilioSaysCompleted_ClosedAsAbandonedWithTheConsentedCallback()
    {
        var sid = await QueuedCallerAsync();
        TwilioSays(sid, 200, "completed");
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(3)); // no poll, and the final status callback was lost

        await ReconcileAsync();

        Assert.Equal(1, TwilioAskedAbout(sid));
        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Abandoned, contact.State);
        Assert.Equal("completed", contact.CallStatus);
        Assert.True(contact.Case.Abandoned);
        Assert.NotNull(contact.Case.CallbackDueAt); // exactly as a status callback would have left it
        Assert.NotNull(contact.EndedAt);
    }

    [Fact]
    public async Task QueueReconcile_SilentCallerWithoutConsent_ClosedAsAbandonedWithNoCallbackPromised()
    {
        var sid = await QueuedCallerAsync(consentsToCallback: false);
        TwilioSays(sid, 200, "no-answer");
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(3));

        await ReconcileAsync();

        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Abandoned, contact.State);
        Assert.Null(contact.Case.CallbackDueAt);
    }

    [Fact]
    public async Task QueueReconcile_CallerStillPolling_StaysWaitingAndTwilioIsNotAsked()
    {
        var sid = await QueuedCallerAsync();
        TwilioSays(sid, 200, "completed");
        for (var i = 0; i < 6; i++)
        {
            fixture.App.Clock.Advance(TimeSpan.FromSeconds(35));
            await PollAsync(sid); // Twilio's wait loop, as long as the caller holds
        }
        Assert.Equal(fixture.App.Clock.GetUtcNow(), (await ContactAsync(sid)).LastQueuePollAt);

        await ReconcileAsync();

        Assert.Equal(0, TwilioAskedAbout(sid));
        Assert.Equal(ContactState.Queued, (await ContactAsync(sid)).State);
    }

    [Fact]
    public async Task QueueWait_FirstPollsWithinTheIntervalOfQueueing_WriteNothing()
    {
        var sid = await QueuedCallerAsync();
        var queued = await ContactAsync(sid);

        await PollAsync(sid, waitedSeconds: 5);

        var polled = await ContactAsync(sid);
        Assert.Null(polled.LastQueuePollAt); // their EnqueuedAt is proof of life for now
        Assert.Equal(queued.Version, polled.Version);
    }

    [Fact]
    public async Task QueueWait_PolledAgainWithinTheInterval_WritesNothing()
    {
        var sid = await QueuedCallerAsync();
        await PollAsync(sid);
        var first = await ContactAsync(sid);
        fixture.App.Clock.Advance(TimeSpan.FromSeconds(5));
        await PollAsync(sid);

        var second = await ContactAsync(sid);
        Assert.Equal(first.LastQueuePollAt, second.LastQueuePollAt);
        Assert.Equal(first.Version, second.Version); // no write, so no row version change for a webhook to race with
    }

    [Fact]
    public async Task QueueWait_DatabaseUnreachable_CallerStillHearsTheWaitMessage()
    {
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(fixture.ConnectionString)
        {
            Host = "127.0.0.1", Port = ServiceProcess.FreePort(), Timeout = 2, Pooling = false,
        }.ConnectionString;
        await using var app = new HotlineApp(
            unreachable, fixture.Twilio, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });

        var wait = await new TwilioWebhooks(app.CreateClient()).VoiceAsync("/twilio/voice/queue-wait?lang=en", TwilioWebhooks.NewCallSid(),
            new Dictionary<string, string> { ["QueuePosition"] = "2", ["QueueTime"] = "30" });

        Assert.Contains("number 2 in line", wait.AllText); // the stamp is lost, the caller's wait is not
        Assert.True(wait.Has("Pause"));
    }

    [Fact]
    public async Task QueueReconcile_TwilioStillHasTheCall_StaysWaiting()
    {
        var sid = await QueuedCallerAsync();
        TwilioSays(sid, 200, "in-progress");
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(3));

        await ReconcileAsync();

        Assert.Equal(1, TwilioAskedAbout(sid));
        Assert.Equal(ContactState.Queued, (await ContactAsync(sid)).State);
    }

    [Fact]
    public async Task QueueReconcile_TwilioUnreachable_ClosedAsAbandonedOnlyAfterTheQueueTimeout()
    {
        var sid = await QueuedCallerAsync();
        TwilioSays(sid, 503);
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(3));

        await ReconcileAsync();
        Assert.Equal(ContactState.Queued, (await ContactAsync(sid)).State); // Twilio could not say; not yet timed out

        fixture.App.Clock.Advance(TimeSpan.FromMinutes(28)); // 31 minutes in the queue: past the flow's 30
        await ReconcileAsync();

        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Abandoned, contact.State);
        Assert.True(contact.Case.Abandoned);
        Assert.NotNull(contact.Case.CallbackDueAt);
    }
}
