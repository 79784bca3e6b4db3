using System.Net;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Conversations;

/// <summary>Twilio's signed status callbacks at /twilio/messages/status, for advocates' replies and automatic ones.</summary>
public class MessageStatusTests : IClassFixture<ConversationFixture>
{
    private readonly ConversationFixture _fixture;

    public MessageStatusTests(ConversationFixture fixture)
    {
        _fixture = fixture;
        fixture.Reset();
    }

    private async Task<ConversationMessage> SentReplyAsync(string texter)
    {
        var contact = await _fixture.QueuedConversationAsync(texter);
        var advocate = await _fixture.TakeAsync(contact.Id);
        var result = await _fixture.SendAsync(s => s.SendAsync(contact.Id, "Are you safe?", advocate, CancellationToken.None));
        Assert.True(result.Sent, result.Problem);
        return await _fixture.RowAsync(result.MessageId!.Value);
    }

    [Fact]
    public async Task Report_WithABadSignature_IsRefusedAndChangesNothing()
    {
        var row = await SentReplyAsync("+15550202001");

        var response = await _fixture.ReportAsync(MessageRoutes.StatusOf(row.Id), row.MessageSid!, "delivered", signature: "forged");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(MessageStatus.Queued, (await _fixture.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task Statuses_NeverMoveBackwards()
    {
        var row = await SentReplyAsync("+15550202002");
        var route = MessageRoutes.StatusOf(row.Id);

        await _fixture.ReportAsync(route, row.MessageSid!, "delivered");
        await _fixture.ReportAsync(route, row.MessageSid!, "sent");     // late
        await _fixture.ReportAsync(route, row.MessageSid!, "queued");   // later still
        Assert.Equal(MessageStatus.Delivered, (await _fixture.RowAsync(row.Id)).Status);

        await _fixture.ReportAsync(route, row.MessageSid!, "read");
        await _fixture.ReportAsync(route, row.MessageSid!, "undelivered", "30003");
        var after = await _fixture.RowAsync(row.Id);
        Assert.Equal((MessageStatus.Read, null), (after.Status, after.Problem));
    }

    [Fact]
    public async Task FailureReport_SaysWhyInPlainWords_AndALateSentDoesNotUndoIt()
    {
        var row = await SentReplyAsync("+15550202003");
        var route = MessageRoutes.StatusOf(row.Id);

        await _fixture.ReportAsync(route, row.MessageSid!, "undelivered", "30003");
        await _fixture.ReportAsync(route, row.MessageSid!, "sent");

        var after = await _fixture.RowAsync(row.Id);
        Assert.Equal(
            (MessageStatus.Undelivered, "30003", "Their phone is off or out of reach"), (after.Status, after.ErrorCode, after.Problem));
    }

    [Fact]
    public async Task OptedOutReport21610_SaysSo_AndHoldsTheOptOutHere()
    {
        var row = await SentReplyAsync("+15550202008");

        await _fixture.ReportAsync(MessageRoutes.StatusOf(row.Id), row.MessageSid!, "failed", "21610");

        var after = await _fixture.RowAsync(row.Id);
        Assert.Equal((MessageStatus.Failed, "They opted out (texted STOP)"), (after.Status, after.Problem));
        var rules = await _fixture.RulesAsync(row.ContactId);
        Assert.Equal((ReplyKind.NotAllowed, ReplyRuleBook.TextedStop), (rules.Kind, rules.Explanation));
    }

    [Fact]
    public async Task Report_WithoutARowId_FindsTheRowByItsMessageSid()
    {
        var row = await SentReplyAsync("+15550202004");

        var response = await _fixture.ReportAsync(MessageRoutes.Status, row.MessageSid!, "sent");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(MessageStatus.Sent, (await _fixture.RowAsync(row.Id)).Status);
    }

    [Fact]
    public async Task AutomaticReply_ItsFirstReport_FillsInItsMessageSid()
    {
        var reply = await _fixture.Webhooks.SmsAsync("hello", "+15550202005");
        var action = reply.MessageAction;
        Assert.NotNull(action);
        Assert.StartsWith(MessageRoutes.Status + "?m=", action);
        var rowId = Guid.Parse(action[(MessageRoutes.Status.Length + 3)..]);
        Assert.Null((await _fixture.RowAsync(rowId)).MessageSid); // sent in TwiML: Twilio has not named it yet

        var sid = TwilioWebhooks.NewMessageSid();
        var response = await _fixture.ReportAsync(action, sid, "sent");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var row = await _fixture.RowAsync(rowId);
        Assert.Equal((sid, MessageStatus.Sent, MessageAuthor.Automatic), (row.MessageSid, row.Status, row.Author));
    }

    [Fact]
    public async Task Report_OfAnEarlierAttempt_DoesNotTouchTheRowsNewAttempt()
    {
        var row = await SentReplyAsync("+15550202006");

        await _fixture.ReportAsync(MessageRoutes.StatusOf(row.Id), TwilioWebhooks.NewMessageSid(), "failed", "30008");

        var after = await _fixture.RowAsync(row.Id);
        Assert.Equal((row.MessageSid, MessageStatus.Queued), (after.MessageSid, after.Status));
    }

    [Fact]
    public async Task Report_AboutAnUnknownRow_Is2xxAndDoesNothing()
    {
        var before = await _fixture.App.WithDbAsync(db => db.ConversationMessages.CountAsync());

        var response = await _fixture.ReportAsync(MessageRoutes.StatusOf(Guid.NewGuid()), TwilioWebhooks.NewMessageSid(), "delivered");
        var bySid = await _fixture.ReportAsync(MessageRoutes.Status, TwilioWebhooks.NewMessageSid(), "delivered");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, bySid.StatusCode);
        Assert.Equal(before, await _fixture.App.WithDbAsync(db => db.ConversationMessages.CountAsync()));
    }

    [Theory]
    [InlineData("?m=not-a-guid", "SM0123456789abcdef0123456789abcdef")]
    [InlineData("", "")]
    public async Task Report_ThatIsNotAReport_IsA400Problem(string query, string sid)
    {
        var response = await _fixture.ReportAsync(MessageRoutes.Status + query, sid, "delivered");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignedReports_WithHostileFields_AreA204OrA400_Never5xx()
    {
        var row = await SentReplyAsync("+15550202009");
        string[] hostile =
        [
            "", " ", "\0", "SM\0abc0123456789", new string('9', 5000), "' OR 1=1 --", "ÿ\uFFFE", "%00", "{{x}}",
            "SM" + new string('a', 63),
            row.MessageSid!, "delivered", "-1", "99999999999999999999",
        ];
        string[] ids = ["", row.Id.ToString("N"), row.Id.ToString("B"), "not-a-guid", "%zz", new string('0', 300)];
        var random = new Random(20261202);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 150; i++)
        {
            var m = ids[random.Next(ids.Length)];
            var query = m.Length == 0 ? "" : "?m=" + Uri.EscapeDataString(m);
            var response = await _fixture.ReportAsync(MessageRoutes.Status + query, hostile[random.Next(hostile.Length)],
                hostile[random.Next(hostile.Length)], hostile[random.Next(hostile.Length)]);
            statuses.Add(response.StatusCode);
        }

        // 403: a form with NUL bytes cannot be read, so its signature cannot be checked (ValidateTwilioSignature).
        var seen = string.Join(", ", statuses.Distinct().Order());
        Assert.True(statuses.All(s => s is HttpStatusCode.NoContent or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden), seen);
    }

    [Fact]
    public async Task Report_WithAStatusThatSaysNothingAboutDelivery_ChangesNothing()
    {
        var row = await SentReplyAsync("+15550202007");

        var response = await _fixture.ReportAsync(MessageRoutes.StatusOf(row.Id), row.MessageSid!, "receiving");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(MessageStatus.Queued, (await _fixture.RowAsync(row.Id)).Status);
    }
}
