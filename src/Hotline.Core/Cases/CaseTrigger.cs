namespace Hotline.Core.Cases;

/// <summary>What moves a case along the pathway.</summary>
public enum CaseTrigger
{
    IntakeCompleted,
    /// <summary>The caller hung up mid-intake; what was said is kept and the case still gets triaged.</summary>
    CallerHungUp,
    OperatorTook,
    ReferralSent,
    FollowUpScheduled,
    /// <summary>Needs a <see cref="CaseOutcome"/>.</summary>
    Close,
    Reopen,
}
