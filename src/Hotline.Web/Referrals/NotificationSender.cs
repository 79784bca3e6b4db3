using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// Sends each <see cref="OutgoingMessage"/> at least once, and once it is recorded as sent, never again. The
/// notification row with the message's key is claimed before sending and marked Sent after: a job that runs
/// again finds it sent and does nothing. But a crash (or a failed commit) between sending and marking leaves the
/// row unsent, and the retry sends again: at-most-once would need the receiver's help. So every retry of one
/// notification carries the row's id as its delivery id (webhook header Hotline-Delivery-Id, e-mail Message-Id),
/// and receivers de-duplicate on it (docs/agency-webhooks.md). SMS has no such field: a repeat is possible there.
/// </summary>
public sealed class NotificationSender(HotlineDbContext db, TimeProvider clock, SmsChannel sms, WebhookChannel webhook, EmailChannel email)
{
    public async Task<Notification> SendOnceAsync(OutgoingMessage message, CancellationToken ct = default)
    {
        var row = await db.Notifications.FirstOrDefaultAsync(n => n.Key == message.Key, ct);
        if (row is { Status: "Sent" }) return row;
        if (row is null)
        {
            row = new Notification
            {
                Id = Guid.NewGuid(), Key = message.Key, Purpose = message.Purpose, CaseId = message.CaseId,
                ReferralId = message.ReferralId, CreatedAt = clock.GetUtcNow(),
                Channel = message.Channel.ToString(), Recipient = message.Address,
            };
            db.Notifications.Add(row);
            // Claim the key first: a concurrent run hits the unique index here, before anything is sent.
            await db.SaveChangesAsync(ct);
        }

        row.Channel = message.Channel.ToString();
        row.Recipient = message.Address;
        row.Attempts++;
        var result = message.Channel switch
        {
            NotificationChannel.Sms => await sms.SendAsync(message.Address, message.Text),
            NotificationChannel.Webhook => await webhook.SendAsync(message.Address, message.Json, row.Id, ct),
            NotificationChannel.Email => await email.SendAsync(message.Address, message.Subject, message.Text, row.Id, ct),
            _ => DeliveryResult.Fail($"Unknown channel {message.Channel}"),
        };
        if (result.Sent)
        {
            row.Status = "Sent";
            row.SentAt = clock.GetUtcNow();
            row.ExternalId = result.ExternalId;
            row.LastError = null;
        }
        else
        {
            row.Status = "Failed";
            row.LastError = result.Error;
        }
        await db.SaveChangesAsync(ct);
        return row;
    }
}
