using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Conversations;

/// <summary>The app with a WhatsApp template configured, and the steps every conversation test starts with.</summary>
public sealed class ConversationFixture : AppFixture
{
    public const string TemplateSid = "HX0123456789abcdef0123456789abcdef";
    public const string TemplatePreview = "[template: check-in] Reply to this message to continue.";
    public const string WhatsAppHotline = "whatsapp:" + HotlineApp.HotlineNumber;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hotline:WhatsApp:Templates:en"] = TemplateSid,
        ["Hotline:WhatsApp:TemplatePreview:en"] = TemplatePreview,
    };

    public TwilioWebhooks Webhooks => new(App.CreateClient());

    /// <summary>
    /// A texter who went through the questions, as Twilio posts them, and now waits for an advocate (English, safe to
    /// talk, no danger, no child, help, no callback). <paramref name="from"/> with <c>whatsapp:</c> for WhatsApp.
    /// </summary>
    public async Task<Contact> QueuedConversationAsync(string from, string to = HotlineApp.HotlineNumber)
    {
        var first = TwilioWebhooks.NewMessageSid();
        await Webhooks.SmsAsync("my boss took my passport", from, first, to);
        foreach (var answer in new[] { "1", "1", "2", "2", "2", "2" }) await Webhooks.SmsAsync(answer, from, to: to);
        var contact = await App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal(ContactState.Queued, contact.State);
        return contact;
    }

    /// <summary>The console's take (built elsewhere) reduced to what the sender checks: the conversation's AnsweredBy.</summary>
    public async Task<HotlineUser> TakeAsync(Guid contactId)
    {
        var advocate = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == HotlineApp.AdminEmail));
        await App.WithDbAsync(db => db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.AnsweredBy, advocate.Id).SetProperty(c => c.State, ContactState.WithOperator)));
        return advocate;
    }

    public async Task<SendResult> SendAsync(Func<ConversationSender, Task<SendResult>> send)
    {
        SendResult? result = null;
        await App.RunAsync<ConversationSender>(async sender => result = await send(sender));
        return result!;
    }

    public async Task<ReplyRules> RulesAsync(Guid contactId)
    {
        ReplyRules? rules = null;
        await App.RunAsync<ConversationSender>(async sender => rules = await sender.RulesAsync(contactId, CancellationToken.None));
        return rules!;
    }

    public Task<ConversationMessage> RowAsync(Guid messageId) =>
        App.WithDbAsync(db => db.ConversationMessages.AsNoTracking().SingleAsync(m => m.Id == messageId));

    /// <summary>Twilio's signed status callback for a row, as it posts it to the URL the send gave.</summary>
    public async Task<HttpResponseMessage> ReportAsync(
        string pathAndQuery, string messageSid, string status, string? errorCode = null, string? signature = null)
    {
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid, ["SmsSid"] = messageSid, ["MessageStatus"] = status, ["SmsStatus"] = status,
            ["AccountSid"] = TwilioApiMock.AccountSid, ["From"] = HotlineApp.HotlineNumber, ["To"] = "+15550009999",
        };
        if (errorCode is not null) form["ErrorCode"] = errorCode;
        return await Webhooks.PostAsync(pathAndQuery, form, signature);
    }

    /// <summary>Each test starts from plain success and the fixed clock.</summary>
    public void Reset()
    {
        Twilio.Restore();
        App.Clock.Set(TestClock.WednesdayAfternoon);
    }
}
