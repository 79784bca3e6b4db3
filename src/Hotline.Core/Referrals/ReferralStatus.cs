namespace Hotline.Core.Referrals;

/// <summary>Lifecycle of one referral to one agency (see the referral machine).</summary>
public enum ReferralStatus
{
    Pending,
    Sent,
    Delivered,
    Acknowledged,
    Accepted,
    Declined,
    Closed,
    /// <summary>Delivery failed; a retry is scheduled.</summary>
    Failed,
    /// <summary>The acknowledgement deadline passed; escalated to the next rung.</summary>
    Expired,
    /// <summary>An advocate put the caller through to the agency by phone during a live call: done, not delivered by a channel.</summary>
    HandedOverByPhone,
}
