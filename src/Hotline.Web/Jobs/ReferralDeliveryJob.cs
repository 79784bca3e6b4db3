using Hangfire;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Delivers a referral notification over the agency's channels, in the agency's order. A failure marks the
/// referral Failed and throws, so Hangfire retries with back-off; a retry that gets through moves it to Sent.
/// Running twice sends once: the notification key (per delivery round) is already Sent.
/// </summary>
public sealed class ReferralDeliveryJob(HotlineDbContext db, NotificationSender sender, ReferralLifecycle lifecycle, AgencyLinks links)
{
    private static string KeyFor(Guid referralId, int round) =>
        round == 0 ? $"referral:{referralId}:deliver" : $"referral:{referralId}:deliver:{round}";

    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [15, 60, 120, 300, 600, 1200, 1800, 3600])]
    [Queue("critical")]
    public async Task RunAsync(Guid referralId, int round)
    {
        var referral = await db.Referrals.Include(r => r.Case).Include(r => r.Agency).ThenInclude(a => a.Channels)
            .FirstOrDefaultAsync(r => r.Id == referralId);
        // Answered, expired or closed: the agency has it or it is no longer theirs to get.
        if (referral is null || !referral.Status.IsAwaitingAgency()) return;
        var key = KeyFor(referralId, round);
        if (await db.Notifications.AnyAsync(n => n.Key == key && n.Status == "Sent")) return;

        var notice = AgencyNotice.For(referral, referral.Case, referral.Agency.Type, links.LinkFor(referralId));
        var errors = new List<string>();
        foreach (var channel in referral.Agency.Channels.OrderBy(c => c.Position))
        {
            referral.DeliveryAttempts++;
            var sent = await sender.SendOnceAsync(notice.ToMessage(key, channel, "referral", referral.CaseId, referralId));
            if (sent.Status == "Sent")
            {
                var trigger = referral.Status == ReferralStatus.Failed ? ReferralTrigger.Retry : ReferralTrigger.Dispatch;
                lifecycle.Apply(referral, trigger, "system", "delivery", $"Sent by {channel.Channel} to {referral.Agency.Name}");
                // A webhook's 2xx is a receipt; SMS and e-mail only say the provider took it.
                if (channel.Channel == NotificationChannel.Webhook)
                    lifecycle.Apply(referral, ReferralTrigger.DeliveryConfirmed, "system", "delivery", $"{referral.Agency.Name}'s system confirmed receipt");
                referral.LastError = null;
                await db.SaveChangesAsync();
                return;
            }
            errors.Add($"{channel.Channel}: {sent.LastError}");
        }

        referral.LastError = errors.Count == 0 ? $"{referral.Agency.Name} has no notification channel" : string.Join("; ", errors);
        lifecycle.Apply(referral, ReferralTrigger.DeliveryFailed, "system", "delivery", referral.LastError);
        await db.SaveChangesAsync();
        throw new ReferralDeliveryException($"Referral {referralId} could not be delivered: {referral.LastError}");
    }
}
