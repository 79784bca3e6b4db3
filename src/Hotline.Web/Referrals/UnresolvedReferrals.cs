using Hotline.Core.Referrals;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

/// <summary>
/// Mandatory referrals that reached a dead end: expired unacknowledged, with no agency after them on the ladder
/// (none left, or the rule does not escalate), and nobody has recorded what was done instead. They stay on the
/// board and keep alerting the supervisor until a person resends, refers elsewhere or hands over by phone.
/// </summary>
public static class UnresolvedReferrals
{
    public static IQueryable<Referral> Query(HotlineDbContext db) =>
        db.Referrals.Where(r => r.Mandatory && r.Status == ReferralStatus.Expired && r.FollowedUpAt == null
            && !db.Referrals.Any(next => next.EscalatedFromId == r.Id));

    /// <summary>The same rule in memory, over one case's referrals.</summary>
    public static bool IsUnresolved(Referral referral, IEnumerable<Referral> ofCase) =>
        referral is { Mandatory: true, Status: ReferralStatus.Expired, FollowedUpAt: null }
        && !ofCase.Any(next => next.EscalatedFromId == referral.Id);
}
