using Hangfire;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Delivers a referral notification over the agency's channels, in the agency's order. A failure marks the
/// referral Failed and throws, so Hangfire retries with back-off; a retry that gets through moves it to Sent.
/// Running twice after a success sends once: the round is recorded as delivered and its notification key is Sent.
/// A crash between sending and recording it sends again, with the same delivery id (see NotificationSender).
/// </summary>
public sealed class ReferralDeliveryJob(
    HotlineDbContext db, NotificationSender sender, ReferralLifecycle lifecycle, AgencyLinks links, TimeProvider clock)
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
        if (referral.DeliveredRound >= round) return; // this round (or a later resend) already reached them
        var key = KeyFor(referralId, round);
        if (await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Key == key && n.Status == "Sent") is { } earlier)
        {
            // Sent by a run that died before recording it on the referral: record it now, send nothing.
            Delivered(referral, round, Enum.Parse<NotificationChannel>(earlier.Channel));
            await db.SaveChangesAsync();
            return;
        }

        var notice = AgencyNotice.For(referral, referral.Case, referral.Agency.Type, links.LinkFor(referralId));
        var errors = new List<string>();
        foreach (var channel in referral.Agency.Channels.OrderBy(c => c.Position))
        {
            referral.DeliveryAttempts++;
            var sent = await sender.SendOnceAsync(notice.ToMessage(key, channel, "referral", referral.CaseId, referralId));
            if (sent.Status == "Sent")
            {
                Delivered(referral, round, channel.Channel);
                await db.SaveChangesAsync();
                return;
            }
            errors.Add($"{channel.Channel}: {sent.LastError}");
        }

        referral.LastError = errors.Count == 0 ? $"{referral.Agency.Name} has no notification channel" : string.Join("; ", errors);
        lifecycle.Apply(referral, ReferralTrigger.DeliveryFailed, "system", "delivery", referral.LastError);
        // Hangfire's retries hold the delivery for a while; if they are lost or run out, the sweep takes it over.
        referral.DeliveryClaimedUntil = clock.GetUtcNow() + DeliveryLease.AfterFailure;
        await db.SaveChangesAsync();
        throw new ReferralDeliveryException($"Referral {referralId} could not be delivered: {referral.LastError}");
    }

    private void Delivered(Referral referral, int round, NotificationChannel channel)
    {
        var trigger = referral.Status == ReferralStatus.Failed ? ReferralTrigger.Retry : ReferralTrigger.Dispatch;
        lifecycle.Apply(referral, trigger, "system", "delivery", $"Sent by {channel} to {referral.Agency.Name}");
        // A webhook's 2xx is a receipt; SMS and e-mail only say the provider took it.
        if (channel == NotificationChannel.Webhook)
        {
            lifecycle.Apply(
                referral, ReferralTrigger.DeliveryConfirmed, "system", "delivery", $"{referral.Agency.Name}'s system confirmed receipt");
        }
        referral.LastError = null;
        referral.DeliveredRound = Math.Max(referral.DeliveredRound ?? -1, round);
        referral.DeliveryClaimedUntil = null;
    }
}
