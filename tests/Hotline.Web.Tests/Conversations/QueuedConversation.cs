using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Conversations;

/// <summary>Takes a texter through the national flow's text menus, as in SmsIntakeTests.</summary>
public static class QueuedConversation
{
    /// <summary>English, safe to text, no danger, no child, help, no callback: the conversation waits for an advocate.</summary>
    public static readonly string[] NoCallback = ["1", "1", "2", "2", "2", "2"];

    /// <summary>The same, with a callback at any time and no voicemail: the case carries a callback promise.</summary>
    public static readonly string[] WithCallback = ["1", "1", "2", "2", "2", "1", "1", "2"];

    /// <summary>The first message and every answer, one after another; returns the conversation's first MessageSid.</summary>
    public static async Task<string> AnswerMenuAsync(
        TwilioWebhooks twilio, string from, string[]? answers = null, string first = "hi", string? to = null)
    {
        var firstSid = TwilioWebhooks.NewMessageSid();
        await TexterMessages.SendAsync(twilio, from, first, firstSid, to ?? HotlineApp.HotlineNumber);
        foreach (var answer in answers ?? NoCallback)
            await TexterMessages.SendAsync(twilio, from, answer, to: to ?? HotlineApp.HotlineNumber);
        return firstSid;
    }

    public static Task<Contact> LoadAsync(HotlineApp app, string firstSid) =>
        app.WithDbAsync(db => db.Contacts.Include(c => c.Case).AsNoTracking().SingleAsync(c => c.ExternalId == firstSid));
}
