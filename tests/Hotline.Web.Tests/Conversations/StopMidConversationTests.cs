using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Conversations;

/// <summary>Issue #12: STOP while waiting for an advocate ends the conversation for good, and is itself kept.</summary>
public class StopMidConversationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    [Fact]
    public async Task Stop_WhileQueued_IsKept_EndsTheConversation_OptsOut_CancelsTheCallback_AndSilencesLaterTexts()
    {
        const string sender = "+15550310001";
        var first = await QueuedConversation.AnswerMenuAsync(_twilio, sender, QueuedConversation.WithCallback);
        var queued = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.Equal(ContactState.Queued, queued.State);
        Assert.True(queued.Case.CallbackAllowed); // a callback was promised...

        var stop = await _twilio.SmsAsync("STOP", sender);
        Assert.Contains("You will not get more messages", stop.MessageBody);
        var sentBefore = fixture.Twilio.SentMessages().Count;
        var later = await _twilio.SmsAsync("are you there?", sender);
        var later2 = await _twilio.SmsAsync("1", sender);

        Assert.Null(later.MessageBody); // no automatic reply after STOP, neither in Twilio's answer...
        Assert.Null(later2.MessageBody);
        Assert.Equal(sentBefore, fixture.Twilio.SentMessages().Count); // ...nor through the Messages API
        var stopped = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.Equal(ContactState.Completed, stopped.State);
        Assert.False(stopped.Case.CallbackAllowed); // ...and is cancelled
        Assert.Null(stopped.Case.CallbackDueAt);
        Assert.True(await fixture.App.WithDbAsync(db => db.SmsOptOuts.AnyAsync(o => o.CallerHash == stopped.Case.CallerHash)));
        var wrote = await Transcripts.TexterWroteAsync(fixture.App, stopped.CaseId);
        Assert.Equal(["STOP", "are you there?", "1"], wrote.TakeLast(3)); // what they wrote is kept for the advocate
    }
}
