using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Web.Tests.Telephony;

/// <summary>
/// No write result is ignored: a queue step whose write meets a concurrent change is re-read and re-applied,
/// and a unique violation that is not the (contact, step) race is an error answered with the safe TwiML.
/// </summary>
public class WriteConflictTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly StepInterference _interference = new();

    private (WebApplicationFactory<Program> App, TwilioWebhooks Twilio) Interfered()
    {
        var app = fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton(_interference);
            services.RemoveAll<ContactStore>();
            services.AddSingleton<ContactStore, InterferingContactStore>();
        }));
        return (app, new TwilioWebhooks(app.CreateClient()));
    }

    private Task<Contact> ContactAsync(string callSid) =>
        fixture.App.WithDbAsync(db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == callSid));

    private static async Task<string> QueuedCallAsync(TwilioWebhooks twilio)
    {
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        foreach (var digits in new[] { "1", "1", "1", "2" }) twiml = await twilio.PressAsync(sid, twiml, digits);
        Assert.Equal("national-advocates", twiml.Enqueued);
        return sid;
    }

    private static Task<Twiml> QueueResultAsync(TwilioWebhooks twilio, string sid, string result) =>
        twilio.VoiceAsync("/twilio/voice/queue-result", sid, new Dictionary<string, string> { ["QueueResult"] = result });

    [Fact]
    public async Task QueueResult_BridgedWhileStatusCallbackWrites_CallEndsCompletedNotAbandoned()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        var sid = await QueuedCallAsync(twilio);

        _interference.Arm(sid);
        await QueueResultAsync(twilio, sid, "bridged");
        Assert.False(_interference.IsArmed(sid)); // the other writer did step in

        var bridged = await ContactAsync(sid);
        Assert.Equal(ContactState.WithOperator, bridged.State);
        Assert.NotNull(bridged.AnsweredAt);
        Assert.Equal("in-progress", bridged.CallStatus); // the other writer's change stands too

        await twilio.StatusAsync(sid, "completed");
        var ended = await ContactAsync(sid);
        Assert.Equal(ContactState.Completed, ended.State);
        Assert.False(ended.Case.Abandoned);
        Assert.Null(ended.Case.CallbackDueAt);
    }

    [Fact]
    public async Task QueueResult_BridgedArrivingAfterTheFinalStatus_CallIsCompletedNotAbandoned()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var sid = await QueuedCallAsync(twilio);

        await twilio.StatusAsync(sid, "completed"); // the caller hung up during the bridge: both are sent at once
        await QueueResultAsync(twilio, sid, "bridged");

        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Completed, contact.State);
        Assert.NotNull(contact.AnsweredAt);
        Assert.False(contact.Case.Abandoned);
    }

    [Fact]
    public async Task QueueCallback_Pressing1WhileAnotherWriteLands_CallerIsPromisedACallbackNotSentToVoicemail()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        var sid = await QueuedCallAsync(twilio);

        _interference.Arm(sid);
        var leave = await twilio.VoiceAsync("/twilio/voice/queue-callback", sid, new Dictionary<string, string> { ["Digits"] = "1" });
        Assert.True(leave.Has("Leave"));
        Assert.True((await ContactAsync(sid)).CallbackRequested);

        var result = await QueueResultAsync(twilio, sid, "leave");
        Assert.Contains("call you back", result.AllText);
        Assert.False(result.Has("Record"));
        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Completed, contact.State);
        Assert.True(contact.Case.CallbackAllowed);
        Assert.NotNull(contact.Case.CallbackDueAt);
    }

    [Fact]
    public async Task QueueResult_LeaveForCallbackWhileAnotherWriteLands_PromiseIsStoredNotOnlySpoken()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        var sid = await QueuedCallAsync(twilio);
        await twilio.VoiceAsync("/twilio/voice/queue-callback", sid, new Dictionary<string, string> { ["Digits"] = "1" });

        _interference.Arm(sid);
        var result = await QueueResultAsync(twilio, sid, "leave");

        Assert.Contains("call you back", result.AllText);
        var contact = await ContactAsync(sid);
        Assert.Equal(ContactState.Completed, contact.State);
        Assert.True(contact.Case.CallbackAllowed);
        Assert.NotNull(contact.Case.CallbackDueAt);
    }

    [Fact]
    public async Task QueueResult_QueueErrorWhileAnotherWriteLands_VoicemailStateIsStored()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        var sid = await QueuedCallAsync(twilio);

        _interference.Arm(sid);
        var result = await QueueResultAsync(twilio, sid, "error");

        Assert.True(result.Has("Record"));
        Assert.Equal(ContactState.Voicemail, (await ContactAsync(sid)).State);
    }

    [Fact]
    public async Task Sms_AnswerWhileAnotherWriteLands_IsStoredAndAnsweredWithTheNextQuestion()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        const string sender = "+15550002222";
        var first = TwilioWebhooks.NewMessageSid();
        await twilio.SmsAsync("hello", sender, first);

        _interference.Arm(first, StepInterference.ContactTouched);
        var reply = await twilio.SmsAsync("2", sender); // español

        Assert.Contains("1 - Sí", reply.MessageBody);
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal("es", contact.Language);
        Assert.Equal(1, contact.Step);
    }

    [Fact]
    public async Task Sms_AnswerLosingEveryRace_IsStillKeptInTheTranscript_AndTheQuestionIsAskedAgain()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        const string sender = "+15550004444";
        var first = TwilioWebhooks.NewMessageSid();
        await twilio.SmsAsync("hello", sender, first);

        _interference.ArmEveryRead(first, StepInterference.ContactTouched);
        var reply = await twilio.SmsAsync("2", sender); // every attempt to take the step meets another write
        _interference.Disarm(first);

        Assert.Contains("Español", reply.MessageBody); // still at the language question, asked again
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal(0, contact.Step);
        Assert.Equal(["hello", "2"], await Transcripts.TexterWroteAsync(fixture.App, contact.CaseId));
    }

    [Fact]
    public async Task Sms_TextToTheAdvocateWhileAnotherWriteLands_IsKeptInTheCase()
    {
        var (app, twilio) = Interfered();
        await using var _ = app;
        const string sender = "+15550003333";
        var first = TwilioWebhooks.NewMessageSid();
        await twilio.SmsAsync("hello", sender, first);
        foreach (var text in new[] { "2", "si", "2", "2", "2", "2" }) await twilio.SmsAsync(text, sender);
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal(ContactState.Queued, contact.State);

        _interference.Arm(first, StepInterference.ContactTouched);
        await twilio.SmsAsync("estoy en la calle Elm", sender);

        Assert.Contains("estoy en la calle Elm", await Transcripts.TexterWroteAsync(fixture.App, contact.CaseId));
    }

    [Fact]
    public async Task Gather_UniqueViolationOtherThanTheTurnRace_LoggedAsErrorAndAnsweredWithBackupLine()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        var contact = await ContactAsync(sid);
        // A row no race can explain: step 1's language answer exists while step 1's turn does not (a bug's footprint).
        await TestPostgres.ExecuteAsync(
            $"""
             INSERT INTO intake_answers ("CaseId", "ContactId", "NodeId", "Field", "Value", "Step", "At")
             VALUES ('{contact.CaseId}', '{contact.Id}', 'language', 'language', 'en', 1, now())
             """, fixture.ConnectionString);

        var answer = await twilio.PressAsync(sid, twiml, "1");

        Assert.Contains("call 911", answer.AllText);
        Assert.True(answer.Has("Dial"));
        Assert.Contains("+15550100111", answer.Xml); // the backup line, not a silent re-prompt
        Assert.False(answer.Has("Gather"));
        Assert.Contains(
            fixture.App.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains("IX_intake_answers_ContactId_Step_Field"));
        Assert.Equal(0, (await ContactAsync(sid)).Step); // nothing was written
    }
}
