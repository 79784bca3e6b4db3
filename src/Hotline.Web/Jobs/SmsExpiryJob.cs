using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Ends text conversations (SMS, WhatsApp, web chat) whose questions went unanswered for longer than the flow allows, keeping
/// what was said and any consented callback promise, like a dropped call. Tells the texter only where the flow asks
/// for it (<see cref="Flow.TellOnExpiry"/>) and only if they said it was safe to talk: someone who went quiet may
/// no longer be alone with their phone.
/// </summary>
public sealed class SmsExpiryJob(HotlineDbContext db, IntakeRecorder recorder, ConversationSender sender, Flow flow, TimeProvider clock)
{
    public const string Id = "sms-expiry";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task RunAsync()
    {
        var cutoff = clock.GetUtcNow().AddMinutes(-flow.SmsInactivityMinutes);
        var stale = await db.Contacts
            .Where(c => (c.Channel == Channel.Sms || c.Channel == Channel.WhatsApp || c.Channel == Channel.Chat)
                        && c.State == ContactState.Intake && c.LastActivityAt < cutoff)
            .OrderBy(c => c.LastActivityAt).Select(c => c.ExternalId).Take(500).ToListAsync();
        foreach (var externalId in stale)
        {
            var expiredHere = false;
            // Re-checked on every read: a text that lands meanwhile keeps the conversation open.
            var contact = await recorder.ChangeAsync(externalId, contact =>
            {
                expiredHere = false;
                if (contact.State != ContactState.Intake || contact.LastActivityAt >= cutoff) return false;
                recorder.Abandon(contact, ContactState.Expired);
                return expiredHere = true;
            }, CancellationToken.None);
            if (expiredHere && contact?.State == ContactState.Expired && flow.TellOnExpiry && contact.Case.SafeToTalk == true)
            {
                var body = flow.Message(MessageKeys.SmsExpired, contact.Language, contact.Channel);
                await sender.SendAutomaticAsync(contact.Id, body, CancellationToken.None);
            }
        }
    }
}
