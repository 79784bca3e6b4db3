using System.Net;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Conversations;

/// <summary>Advocates' replies through Twilio's Messages API (WireMock), from a conversation the intake really queued.</summary>
public class ConversationSenderTests : IClassFixture<ConversationFixture>
{
    private readonly ConversationFixture _fixture;
    private TwilioApiMock Twilio => _fixture.Twilio;

    public ConversationSenderTests(ConversationFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    [Fact]
    public async Task Reply_IsPostedToTwilioFromTheHotlineNumber_AndGoesSendingQueuedDelivered()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201001");
        var advocate = await _fixture.TakeAsync(contact.Id);
        // 5 s (under the client's 10 s timeout): the window in which the poll below must see the row, on a loaded machine.
        Twilio.StubSlowMessages(TimeSpan.FromSeconds(5));

        var sending = _fixture.SendAsync(s => s.SendAsync(contact.Id, "Are you safe to text now?", advocate, CancellationToken.None));
        // Written before Twilio is asked: while Twilio takes its time, the row already says "sending".
        var seen = await WaitForAsync(() => _fixture.App.WithDbAsync(db => db.ConversationMessages.AsNoTracking()
            .Where(m => m.ContactId == contact.Id && m.Author == MessageAuthor.Advocate).Select(m => (MessageStatus?)m.Status)
            .FirstOrDefaultAsync()));
        Assert.Equal(MessageStatus.Sending, seen);
        var result = await sending;

        Assert.True(result.Sent, result.Problem);
        var sent = Assert.Single(Twilio.SentMessageForms());
        Assert.Equal("+15550201001", sent["To"]);
        Assert.Equal(HotlineApp.HotlineNumber, sent["From"]);
        Assert.Equal("Are you safe to text now?", sent["Body"]);
        Assert.Equal($"{HotlineApp.PublicBaseUrl}/twilio/messages/status?m={result.MessageId:N}", sent["StatusCallback"]);
        var row = await _fixture.RowAsync(result.MessageId!.Value);
        Assert.Equal(MessageStatus.Queued, row.Status);
        Assert.Equal((MessageAuthor.Advocate, MessageDirection.Outbound, advocate.Id), (row.Author, row.Direction, row.AuthorUserId));
        Assert.StartsWith("SM", row.MessageSid);
        var answered = await _fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id));
        Assert.Null(answered.AwaitingReplySince); // off the "waiting" list: the texter has an answer

        var report = await _fixture.ReportAsync(MessageRoutes.StatusOf(row.Id), row.MessageSid!, "delivered");
        Assert.Equal(HttpStatusCode.NoContent, report.StatusCode);
        Assert.Equal(MessageStatus.Delivered, (await _fixture.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task Reply_IsAudited_WithoutItsText()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201002");
        var advocate = await _fixture.TakeAsync(contact.Id);
        var result = await _fixture.SendAsync(
            s => s.SendAsync(contact.Id, "The shelter has a bed tonight", advocate, CancellationToken.None));

        var entries = await _fixture.App.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == contact.CaseId && a.Action == "message.sent").ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(advocate.Id, entry.Actor);
        Assert.Contains(result.MessageId!.Value.ToString(), entry.Detail);
        Assert.DoesNotContain("shelter", entry.Detail);
    }

    [Fact]
    public async Task Reply_ToAConversationNotTaken_IsRefusedAndNothingIsSent()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201003");
        var advocate = await _fixture.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == HotlineApp.AdminEmail));

        var result = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "hello", advocate, CancellationToken.None));

        Assert.Equal(new SendResult(null, ReplyRuleBook.TakeFirst), result);
        Assert.Empty(Twilio.SentMessageForms());
    }

    [Fact]
    public async Task Reply_ToSomeoneWhoTextedStop_IsRefusedAndTwilioSeesNoRequest()
    {
        const string texter = "+15550201004";
        var contact = await _fixture.QueuedConversationAsync(texter);
        var advocate = await _fixture.TakeAsync(contact.Id);
        await _fixture.Webhooks.SmsAsync("STOP", texter);

        var result = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Are you there?", advocate, CancellationToken.None));
        var automatic = await _fixture.SendAsync(
            s => s.SendAutomaticAsync(contact.Id, "This conversation is closed.", CancellationToken.None));

        Assert.Equal(new SendResult(null, "They texted STOP: nothing can be sent until they text START"), result);
        Assert.Equal(ReplyRuleBook.TextedStop, automatic.Problem);
        Assert.Empty(Twilio.SentMessageForms());
        var ours = await _fixture.App.WithDbAsync(db => db.ConversationMessages
            .CountAsync(m => m.ContactId == contact.Id && m.Author == MessageAuthor.Advocate));
        Assert.Equal(0, ours);
        Assert.Equal(ReplyKind.NotAllowed, (await _fixture.RulesAsync(contact.Id)).Kind);
    }

    [Fact]
    public async Task TwilioSaysOptedOut21610_ShowsOptedOut_AndNothingIsRetried()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201005");
        var advocate = await _fixture.TakeAsync(contact.Id);
        Twilio.StubError(Twilio.MessagesPath, 400, 21610);

        var result = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Checking in", advocate, CancellationToken.None));

        Assert.Equal("They opted out (texted STOP)", result.Problem);
        var row = await _fixture.RowAsync(result.MessageId!.Value);
        Assert.Equal((MessageStatus.Failed, "21610", "They opted out (texted STOP)"), (row.Status, row.ErrorCode, row.Problem));
        await Task.Delay(500);
        Assert.Single(Twilio.SentMessageForms()); // one attempt: nothing tries again by itself
        // Twilio's opt-out holds here too: an advocate's "send again" is refused before Twilio is asked.
        var retry = await _fixture.SendAsync(s => s.RetryAsync(row.Id, advocate, CancellationToken.None));
        Assert.Equal(ReplyRuleBook.TextedStop, retry.Problem);
        Assert.Single(Twilio.SentMessageForms());
    }

    [Fact]
    public async Task TwilioUnreachable_RowFailedCouldNotBeReached_ThenRetrySucceedsOnTheSameRow()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201006");
        var advocate = await _fixture.TakeAsync(contact.Id);
        Twilio.StubUnreachable(Twilio.MessagesPath);

        var failed = await _fixture.SendAsync(
            s => s.SendAsync(contact.Id, "We can help with your passport", advocate, CancellationToken.None));

        Assert.Contains("could not be reached", failed.Problem);
        var row = await _fixture.RowAsync(failed.MessageId!.Value);
        Assert.Equal(MessageStatus.Failed, row.Status);
        Assert.Contains("could not be reached", row.Problem);

        Twilio.Restore();
        var retried = await _fixture.SendAsync(s => s.RetryAsync(row.Id, advocate, CancellationToken.None));

        Assert.Equal(new SendResult(row.Id, null), retried);
        var after = await _fixture.RowAsync(row.Id);
        Assert.Equal((MessageStatus.Queued, null, null), (after.Status, after.ErrorCode, after.Problem));
        Assert.StartsWith("SM", after.MessageSid);
        Assert.Equal("We can help with your passport", Assert.Single(Twilio.SentMessageForms())["Body"]);
        var rows = await _fixture.App.WithDbAsync(db => db.ConversationMessages
            .CountAsync(m => m.ContactId == contact.Id && m.Author == MessageAuthor.Advocate));
        Assert.Equal(1, rows);
        var audited = await _fixture.App.WithDbAsync(
            db => db.AuditEntries.CountAsync(a => a.CaseId == contact.CaseId && a.Action == "message.sent"));
        Assert.Equal(2, audited); // the send and the retry
    }

    [Fact]
    public async Task Retry_OfAMessageThatDidNotFail_IsRefused()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201007");
        var advocate = await _fixture.TakeAsync(contact.Id);
        var sent = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Hello", advocate, CancellationToken.None));

        var retry = await _fixture.SendAsync(s => s.RetryAsync(sent.MessageId!.Value, advocate, CancellationToken.None));

        Assert.Equal(ConversationSender.NotRetryable, retry.Problem);
        Assert.Single(Twilio.SentMessageForms());
    }

    [Fact]
    public async Task WhatsApp_FreeTextInside24Hours_ThenOnlyTheTemplate()
    {
        var contact = await _fixture.QueuedConversationAsync("whatsapp:+15550201008", ConversationFixture.WhatsAppHotline);
        var advocate = await _fixture.TakeAsync(contact.Id);

        var rules = await _fixture.RulesAsync(contact.Id);
        Assert.Equal(ReplyKind.FreeText, rules.Kind);
        Assert.Equal(TestClock.WednesdayAfternoon.AddHours(24), rules.FreeTextUntil);
        Assert.StartsWith("WhatsApp: free text until", rules.Explanation);
        var inside = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Hola, are you safe?", advocate, CancellationToken.None));
        Assert.True(inside.Sent, inside.Problem);
        var sent = Assert.Single(Twilio.SentMessageForms());
        Assert.Equal(("whatsapp:+15550201008", ConversationFixture.WhatsAppHotline), (sent["To"], sent["From"]));

        _fixture.App.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var outside = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Still there?", advocate, CancellationToken.None));
        Assert.Equal(new SendResult(null, ReplyRuleBook.WindowClosed), outside);
        Assert.Equal(ReplyKind.TemplateOnly, (await _fixture.RulesAsync(contact.Id)).Kind);

        var template = await _fixture.SendAsync(s => s.SendTemplateAsync(contact.Id, advocate, CancellationToken.None));
        Assert.True(template.Sent, template.Problem);
        var templated = Twilio.SentMessageForms()[1];
        Assert.Equal(ConversationFixture.TemplateSid, templated["ContentSid"]);
        Assert.False(templated.ContainsKey("Body"));
        Assert.Equal("whatsapp:+15550201008", templated["To"]);
        var row = await _fixture.RowAsync(template.MessageId!.Value);
        Assert.Equal((ConversationFixture.TemplateSid, ConversationFixture.TemplatePreview), (row.TemplateSid, row.Body));
    }

    [Fact]
    public async Task Template_OnAnSmsConversation_IsRefused()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201009");
        var advocate = await _fixture.TakeAsync(contact.Id);

        var result = await _fixture.SendAsync(s => s.SendTemplateAsync(contact.Id, advocate, CancellationToken.None));

        Assert.Equal(ConversationSender.TemplatesAreWhatsApp, result.Problem);
        Assert.Empty(Twilio.SentMessageForms());
    }

    [Fact]
    public async Task AutomaticMessage_NeedsNoTake_AndLeavesTheTexterWaiting()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201010");

        var result = await _fixture.SendAsync(
            s => s.SendAutomaticAsync(contact.Id, "This conversation is closed.", CancellationToken.None));

        Assert.True(result.Sent, result.Problem);
        Assert.Equal(MessageAuthor.Automatic, (await _fixture.RowAsync(result.MessageId!.Value)).Author);
        Assert.Equal("This conversation is closed.", Assert.Single(Twilio.SentMessageForms())["Body"]);
        var waiting = await _fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.Id == contact.Id).Select(c => c.AwaitingReplySince).SingleAsync());
        Assert.NotNull(waiting); // the flow's own text is no advocate's answer
    }

    [Fact]
    public async Task Reply_AndItsDeliveryReport_NotifyOpenPagesOfTheCase()
    {
        var contact = await _fixture.QueuedConversationAsync("+15550201011");
        var advocate = await _fixture.TakeAsync(contact.Id);
        await using var listener = new Npgsql.NpgsqlConnection(_fixture.ConnectionString);
        await listener.OpenAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add(e.Channel + " " + e.Payload);
        await using (var listen = new Npgsql.NpgsqlCommand("LISTEN hotline_console", listener)) await listen.ExecuteNonQueryAsync();

        var result = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Hello", advocate, CancellationToken.None));
        var sent = await DrainAsync(listener, payloads, atLeast: 2);
        var row = await _fixture.RowAsync(result.MessageId!.Value);
        await _fixture.ReportAsync(MessageRoutes.StatusOf(row.Id), row.MessageSid!, "delivered");
        var reported = await DrainAsync(listener, payloads, atLeast: 1);

        // Written ("sending") and then accepted: the page shows both; the case's id only, never the text.
        var expected = $"hotline_console case:{contact.CaseId}";
        Assert.Equal([expected, expected], sent);
        Assert.Equal([expected], reported);
    }

    /// <summary>
    /// The notifications that arrived: the first <paramref name="atLeast"/> waited for (up to 20 s each: a NOTIFY reaches
    /// a listener after its commit, later on a loaded machine), then a little for stragglers; the list is emptied.
    /// </summary>
    private static async Task<List<string>> DrainAsync(Npgsql.NpgsqlConnection listener, List<string> payloads, int atLeast)
    {
        while (payloads.Count < atLeast && await listener.WaitAsync(TimeSpan.FromSeconds(20))) { }
        while (await listener.WaitAsync(TimeSpan.FromMilliseconds(300))) { }
        var arrived = payloads.ToList();
        payloads.Clear();
        return arrived;
    }

    /// <summary>Reads every 20 ms (at least 5 s in all) until the value is there.</summary>
    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> read)
    {
        for (var i = 0; i < 250; i++)
        {
            if (await read() is { } value) return value;
            await Task.Delay(20);
        }
        return default;
    }
}
