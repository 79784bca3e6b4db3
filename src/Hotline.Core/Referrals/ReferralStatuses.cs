namespace Hotline.Core.Referrals;

/// <summary>Named sets of referral statuses, spelled out once.</summary>
public static class ReferralStatuses
{
    /// <summary>Still waiting for the agency to answer: not yet acknowledged, answered, expired or closed. For EF queries
    /// (<c>.Contains</c>).</summary>
    public static readonly ReferralStatus[] AwaitingAgency =
        [ReferralStatus.Pending, ReferralStatus.Sent, ReferralStatus.Delivered, ReferralStatus.Failed];

    /// <summary>In-memory form of <see cref="AwaitingAgency"/>.</summary>
    public static bool IsAwaitingAgency(this ReferralStatus status) =>
        status is ReferralStatus.Pending or ReferralStatus.Sent or ReferralStatus.Delivered or ReferralStatus.Failed;
}
