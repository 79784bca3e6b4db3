namespace Hotline.Core.Referrals;

/// <summary>What can happen to a referral: our own actions, channel receipts, the agency's answers, the clock.</summary>
public enum ReferralTrigger
{
    Dispatch,
    DeliveryConfirmed,
    DeliveryFailed,
    Retry,
    Acknowledge,
    Accept,
    Decline,
    DeadlinePassed,
    Close,
    /// <summary>The agency joined a live call with the caller (warm transfer or conferencing in).</summary>
    HandOverByPhone,
}
