using Hotline.Core.Referrals;

namespace Hotline.Web.Data;

/// <summary>A tracked referral of one case to one agency.</summary>
public class Referral
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Case Case { get; set; } = null!;
    public Guid AgencyId { get; set; }
    public Agency Agency { get; set; } = null!;
    public ReferralStatus Status { get; set; } = ReferralStatus.Pending;
    public bool Mandatory { get; set; }
    public ConsentBasis ConsentBasis { get; set; }
    /// <summary>How much of the case the agency may see: Full, Minimal or Anonymous.</summary>
    public string DataLevel { get; set; } = "Minimal";
    public string RuleId { get; set; } = "";
    public string Reason { get; set; } = "";
    public string CreatedBy { get; set; } = "system";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? DeclinedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? AcknowledgeBy { get; set; }
    public int DeliveryAttempts { get; set; }
    /// <summary>How many times an operator asked to send it again; each resend is its own idempotent notification.</summary>
    public int ResendCount { get; set; }
    public string? LastError { get; set; }
    public string? DeclineReason { get; set; }
    /// <summary>The referral this one replaced when that one expired unacknowledged.</summary>
    public Guid? EscalatedFromId { get; set; }
    /// <summary>
    /// The last delivery round (0 = the first send, n = the n-th resend) that reached the agency; null while
    /// none has. A round above it is still owed, and the promise sweep keeps that promise.
    /// </summary>
    public int? DeliveredRound { get; set; }
    /// <summary>
    /// Until when a job holds the delivery: the fast-path job right after the commit, a retry after a failure, or
    /// the sweep's own run. Past it, the sweep takes the delivery over (a node that died mid-hand-off lets it lapse).
    /// </summary>
    public DateTimeOffset? DeliveryClaimedUntil { get; set; }
    /// <summary>When a person recorded what was done about this referral after nobody acknowledged it (stops the alerts).</summary>
    public DateTimeOffset? FollowedUpAt { get; set; }
    public string? FollowedUpBy { get; set; }
    /// <summary>What was done, in the console's words (resent, referred to another agency, handed over by phone).</summary>
    public string? FollowUp { get; set; }
    public uint Version { get; set; }
}
