using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Referrals;

/// <summary>
/// Moves a stored referral through <see cref="ReferralMachine"/>: every change is timestamped on the row
/// and audited in the same unit of work; refused changes come back with the machine's sentence.
/// </summary>
public sealed class ReferralLifecycle(Audit audit, TimeProvider clock)
{
    public ReferralTransition Apply(Referral referral, ReferralTrigger trigger, string actor, string actorName, string? detail = null)
    {
        var transition = ReferralMachine.Apply(referral.Status, trigger);
        if (!transition.Changed) return transition;
        var now = clock.GetUtcNow();
        referral.Status = transition.To;
        switch (transition.To)
        {
            case ReferralStatus.Sent: referral.SentAt = now; break;
            case ReferralStatus.Delivered: referral.DeliveredAt = now; break;
            case ReferralStatus.Acknowledged: referral.AcknowledgedAt = now; break;
            case ReferralStatus.Accepted: referral.AcceptedAt = now; break;
            case ReferralStatus.Declined: referral.DeclinedAt = now; break;
            case ReferralStatus.Closed: referral.ClosedAt = now; break;
            case ReferralStatus.Failed: referral.FailedAt = now; break;
            case ReferralStatus.Expired: referral.ExpiredAt = now; break;
            case ReferralStatus.HandedOverByPhone: referral.SentAt = referral.AcknowledgedAt = now; break; // the agency answered in person
            case ReferralStatus.Pending: break;
            default: throw new ArgumentOutOfRangeException(nameof(trigger), transition.To, "unknown referral status");
        }
        audit.Record("referral." + transition.To.ToString().ToLowerInvariant(), referral.CaseId,
            detail ?? $"{transition.From} -> {transition.To}", referral.Id, actor, actorName);
        return transition;
    }
}
