using System.Globalization;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Conversations;

/// <summary>
/// Issue #12: nothing a texter sends is lost, whatever the timing: bursts after and during the menu, Twilio's
/// retries (also concurrent ones), and the first message.
/// </summary>
public class TranscriptBurstTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    private static IEnumerable<string> OneToTwenty => Enumerable.Range(1, 20).Select(i => i.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task TwentyTextsAtOnce_AfterTheMenu_TwentyRowsOnceEachInOrder()
    {
        const string sender = "+15550308001";
        var first = await QueuedConversation.AnswerMenuAsync(_twilio, sender);
        var conversation = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.Equal(ContactState.Queued, conversation.State);
        var before = (await Transcripts.TexterWroteAsync(fixture.App, conversation.CaseId)).Count;

        // "In order" means the order Twilio delivered them, and a text takes its place in the transcript in its webhook's
        // first statement (the read of the conversation, which draws the transcript's next sequence number), not at its
        // insert. So each text is started once the one before it has drawn its number, and without waiting for its
        // answer: the twenty are in flight together (true concurrency on the service and the database, where a text
        // slowed between its read and its write must keep its place). Starting them a fixed 20 ms apart instead let a
        // loaded machine reorder two starts (a thread-pool hop, a new pooled connection): no reordering by the service.
        var bodies = OneToTwenty.ToList();
        var sids = bodies.Select(_ => TwilioWebhooks.NewMessageSid()).ToList();
        var sequence = await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, "SELECT pg_get_serial_sequence('conversation_messages', 'Sequence')");
        Task<long> DrawnAsync() => TestPostgres.ScalarAsync<long>(fixture.ConnectionString, $"SELECT last_value FROM {sequence}");
        var sending = new List<Task<Twiml>>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var (body, sid) = (bodies[i], sids[i]);
            var drawn = await DrawnAsync();
            sending.Add(Task.Run(() => _twilio.SmsAsync(body, sender, sid)));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await DrawnAsync() == drawn && DateTime.UtcNow < deadline && !sending[^1].IsCompleted) await Task.Delay(5);
            Assert.True(await DrawnAsync() > drawn, $"text {body} never read its conversation");
        }
        var replies = await Task.WhenAll(sending);

        Assert.All(replies, r => Assert.Null(r.MessageBody)); // an advocate answers from now on, not the menu
        var rows = (await Transcripts.OfCaseAsync(fixture.App, conversation.CaseId))
            .Where(m => m.Author == MessageAuthor.Texter).Skip(before).ToList();
        Assert.Equal(sids.Order(), rows.Select(r => r.MessageSid!).Order()); // twenty, each once...
        Assert.Equal(sids, rows.Select(r => r.MessageSid)); // ...by Sequence in the order Twilio delivered them
        Assert.Equal(bodies, rows.Select(r => r.Body));
        Assert.All(rows, r => Assert.Equal(conversation.Id, r.ContactId));
    }

    [Fact]
    public async Task TwentyTextsAtOnce_AfterTheMenu_AllStartedTogether_TwentyRowsOnceEach()
    {
        const string sender = "+15550308007";
        var first = await QueuedConversation.AnswerMenuAsync(_twilio, sender);
        var conversation = await QueuedConversation.LoadAsync(fixture.App, first);
        var sids = OneToTwenty.Select(_ => TwilioWebhooks.NewMessageSid()).ToList();

        // No order to keep here: the twenty leave together; what must hold is that each is stored, and once.
        await Task.WhenAll(sids.Select((sid, i) => _twilio.SmsAsync($"burst {i}", sender, sid)));

        var rows = (await Transcripts.OfCaseAsync(fixture.App, conversation.CaseId)).Where(m => m.Author == MessageAuthor.Texter)
            .Skip(1 + QueuedConversation.NoCallback.Length).ToList();
        Assert.Equal(sids.Order(), rows.Select(r => r.MessageSid!).Order());
        Assert.Equal(rows.Count, rows.Select(r => r.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task TwentyTextsAtOnce_DuringTheMenu_AllKeptOnce_AndTheMenuGoesOn()
    {
        const string sender = "+15550308002";
        var first = TwilioWebhooks.NewMessageSid();
        await _twilio.SmsAsync("hi", sender, first);
        var sids = OneToTwenty.Select(_ => TwilioWebhooks.NewMessageSid()).ToList();
        var bodies = OneToTwenty.Select(n => $"text {n}").ToList(); // free text: kept, answers nothing, the menu goes on

        var replies = await Task.WhenAll(sids.Select((sid, i) => _twilio.SmsAsync(bodies[i], sender, sid)));

        // The flow takes three answers it does not understand, then passes the texter to an advocate
        // (max_invalid_attempts): the menu goes on, and after it the texts simply join the conversation.
        var conversation = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.Equal(ContactState.Queued, conversation.State);
        Assert.Contains(replies, r => r.MessageBody?.Contains("1 - English", StringComparison.Ordinal) == true);
        var texter = (await Transcripts.OfCaseAsync(fixture.App, conversation.CaseId))
            .Where(m => m.Author == MessageAuthor.Texter).ToList();
        Assert.Equal("hi", texter[0].Body);
        Assert.Equal(sids.Order(), texter.Skip(1).Select(m => m.MessageSid!).Order()); // all twenty, each once
        Assert.Equal(bodies.Order(), texter.Skip(1).Select(m => m.Body!).Order());
        Assert.Equal(21, texter.Count);
    }

    [Fact]
    public async Task TwentyAnswersAtOnce_DuringTheMenu_AllKeptOnce_SomeAnswerQuestions()
    {
        const string sender = "+15550308003";
        var first = TwilioWebhooks.NewMessageSid();
        await _twilio.SmsAsync("hi", sender, first);
        var sids = OneToTwenty.Select(_ => TwilioWebhooks.NewMessageSid()).ToList();

        // Digits this time: whichever arrives first answers the open question, the rest answer the next ones or are kept.
        await Task.WhenAll(sids.Select(sid => _twilio.SmsAsync("1", sender, sid)));

        var conversation = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.True(conversation.Step > 0); // the menu moved on
        var texter = (await Transcripts.OfCaseAsync(fixture.App, conversation.CaseId))
            .Where(m => m.Author == MessageAuthor.Texter).ToList();
        Assert.Equal(sids.Order(), texter.Skip(1).Select(m => m.MessageSid!).Order());
    }

    [Fact]
    public async Task RetriedMessageSid_PostedAgainAndConcurrently_IsOneRow()
    {
        const string sender = "+15550308004";
        var first = await QueuedConversation.AnswerMenuAsync(_twilio, sender);
        var caseId = (await QueuedConversation.LoadAsync(fixture.App, first)).CaseId;
        var sid = TwilioWebhooks.NewMessageSid();

        await _twilio.SmsAsync("we moved to the north farm", sender, sid);
        await _twilio.SmsAsync("we moved to the north farm", sender, sid); // Twilio's retry
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _twilio.SmsAsync("we moved to the north farm", sender, sid)));

        var rows = (await Transcripts.OfCaseAsync(fixture.App, caseId)).Where(m => m.MessageSid == sid).ToList();
        Assert.Single(rows);
    }

    [Fact]
    public async Task RetriedMessageSid_DuringTheMenu_PostedConcurrently_IsOneRow_AndAnswersOnce()
    {
        const string sender = "+15550308005";
        var first = TwilioWebhooks.NewMessageSid();
        await _twilio.SmsAsync("hi", sender, first);
        var sid = TwilioWebhooks.NewMessageSid();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _twilio.SmsAsync("1", sender, sid)));

        var conversation = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.Equal(1, conversation.Step); // one answer, however many copies
        Assert.Single(await Transcripts.OfCaseAsync(fixture.App, conversation.CaseId), m => m.MessageSid == sid);
    }

    [Fact]
    public async Task FirstMessage_IsKept_AsTheFirstRow()
    {
        const string sender = "+15550308006";
        const string tip = "my boss took my passport, we are at the farm on route 9";
        var first = TwilioWebhooks.NewMessageSid();

        var reply = await _twilio.SmsAsync(tip, sender, first);

        Assert.Contains("1 - English", reply.MessageBody); // the menu begins...
        var caseId = await Transcripts.CaseOfAsync(fixture.App, first);
        var transcript = await Transcripts.OfCaseAsync(fixture.App, caseId);
        Assert.Equal(first, transcript[0].MessageSid); // ...after the tip, which is the transcript's first row
        Assert.Equal(tip, transcript[0].Body);
        Assert.Equal(MessageAuthor.Texter, transcript[0].Author);
        Assert.Equal(MessageAuthor.Automatic, transcript[1].Author);
    }
}
