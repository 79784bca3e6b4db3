using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Telephony;

public class SmsIntakeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    [Fact]
    public async Task FullConversation_AsNumberedMenus_EndsQueuedWithEveryAnswer()
    {
        const string sender = "+15550001111";
        var first = TwilioWebhooks.NewMessageSid(); // names the conversation
        var reply = await _twilio.SmsAsync("hello", sender, first);
        Assert.Contains("If you are in immediate danger", reply.MessageBody);
        Assert.Contains("1 - English", reply.MessageBody);

        reply = await _twilio.SmsAsync("2", sender);                 // español
        Assert.Contains("1 - Sí", reply.MessageBody);
        reply = await _twilio.SmsAsync("si", sender);                // safe to talk, by keyword
        // no danger, no child, help, no callback
        foreach (var text in new[] { "2", "2", "2", "2" }) reply = await _twilio.SmsAsync(text, sender);
        Assert.Contains("especialista", reply.MessageBody);

        var contact = await fixture.App.WithDbAsync(
            db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal(ContactState.Queued, contact.State);
        var answers = await fixture.App.WithDbAsync(
            db => db.IntakeAnswers.Where(a => a.ContactId == contact.Id).ToDictionaryAsync(a => a.Field, a => a.Value));
        Assert.Equal("es", answers["language"]);
        Assert.Equal("yes", answers["safeToTalk"]);
        Assert.Equal("help", answers["need"]);
        Assert.Equal("no", answers["callbackAllowed"]);

        // Later texts reach the advocate: each a transcript row, after every answer and automatic reply.
        var later = await _twilio.SmsAsync("estoy en la calle Main", sender);
        Assert.Null(later.MessageBody); // no automatic answer once a person is to reply
        var transcript = await Transcripts.OfCaseAsync(fixture.App, contact.CaseId);
        Assert.Equal(
            ["hello", "2", "si", "2", "2", "2", "2", "estoy en la calle Main"],
            transcript.Where(m => m.Author == MessageAuthor.Texter).Select(m => m.Body));
        Assert.Equal(7, transcript.Count(m => m.Author == MessageAuthor.Automatic)); // one per answered turn
        Assert.Equal(MessageAuthor.Texter, transcript[0].Author); // the first message comes before the menu it caused
        var waiting = await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.AwaitingReplySince).SingleAsync());
        Assert.NotNull(waiting);
    }

    [Fact]
    public async Task Stop_EndsConversation_OptsOut_AndSilencesUntilStart()
    {
        const string sender = "+15550002222";
        var first = TwilioWebhooks.NewMessageSid(); // names the conversation
        await _twilio.SmsAsync("hi", sender, first);
        var stop = await _twilio.SmsAsync("STOP", sender);
        Assert.Contains("You will not get more messages", stop.MessageBody);
        var callerHash = await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.ExternalId == first).Select(c => c.Case.CallerHash).SingleAsync());
        Assert.NotNull(callerHash);
        Assert.True(await fixture.App.WithDbAsync(db => db.SmsOptOuts.AnyAsync(o => o.CallerHash == callerHash)));

        var ignored = await _twilio.SmsAsync("hello again", sender);
        Assert.Null(ignored.MessageBody); // nothing is sent to someone who texted STOP...
        var caseId = await Transcripts.CaseOfAsync(fixture.App, first);
        Assert.Equal(["hi", "STOP", "hello again"], await Transcripts.TexterWroteAsync(fixture.App, caseId)); // ...but it is kept

        // Back: welcomed into the conversation that kept their message, not asked the questions again.
        var start = await _twilio.SmsAsync("START", sender);
        Assert.Contains("Welcome back", start.MessageBody);
        Assert.DoesNotContain("1 - English", start.MessageBody);
        Assert.Equal(["hi", "STOP", "hello again", "START"], await Transcripts.TexterWroteAsync(fixture.App, caseId));
    }

    [Fact]
    public async Task StopsSentTogether_AllAnsweredOnce_ConversationEndedWithoutCallback()
    {
        const string sender = "+15550006161";
        var first = TwilioWebhooks.NewMessageSid(); // names the conversation
        await _twilio.SmsAsync("hi", sender, first);
        foreach (var text in new[] { "1", "1", "2", "2", "1", "1" }) await _twilio.SmsAsync(text, sender); // ... callback yes
        var stops = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _twilio.SmsAsync("STOP", sender)));

        Assert.All(stops, s => Assert.Contains("You will not get more messages", s.MessageBody));
        var conversation = await fixture.App.WithDbAsync(
            db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal(ContactState.Completed, conversation.State);
        Assert.False(conversation.Case.CallbackAllowed); // a STOP outweighs the earlier yes, whichever copy won
        Assert.Null(conversation.Case.CallbackDueAt);
    }

    [Fact]
    public async Task RepeatedMessageSid_IsAnsweredWithoutAdvancing()
    {
        const string sender = "+15550003333";
        var conversation = TwilioWebhooks.NewMessageSid(); // names the conversation
        await _twilio.SmsAsync("hi", sender, conversation);
        var sid = TwilioWebhooks.NewMessageSid();
        var first = await _twilio.SmsAsync("1", sender, sid);
        var retry = await _twilio.SmsAsync("1", sender, sid);
        Assert.Equal(first.MessageBody, retry.MessageBody);
        var step = await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.ExternalId == conversation).Select(c => c.Step).SingleAsync());
        Assert.Equal(1, step); // the answer moved it on once, the retry not again
    }

    [Fact]
    public async Task Conversation_AfterInactivity_ExpiresAndStartsAfresh()
    {
        const string sender = "+15550004444";
        var first = TwilioWebhooks.NewMessageSid(); // names the conversation
        await _twilio.SmsAsync("hi", sender, first);
        await _twilio.SmsAsync("1", sender);
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            var afresh = TwilioWebhooks.NewMessageSid(); // names the new conversation
            var reply = await _twilio.SmsAsync("1", sender, afresh);
            Assert.Contains("If you are in immediate danger", reply.MessageBody);
            Assert.Equal(
                ContactState.Expired,
                await fixture.App.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == first).Select(c => c.State).SingleAsync()));
            Assert.Equal(
                ContactState.Intake,
                await fixture.App.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == afresh).Select(c => c.State).SingleAsync()));
        }
        finally
        {
            fixture.App.Clock.Set(TestClock.WednesdayAfternoon);
        }
    }
}
