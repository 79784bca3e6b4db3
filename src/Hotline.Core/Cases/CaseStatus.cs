namespace Hotline.Core.Cases;

/// <summary>Where a case stands on the pathway. Stored as text; changed only through the case machine.</summary>
public enum CaseStatus
{
    /// <summary>Intake still running (caller in the IVR or SMS flow).</summary>
    Intake,
    /// <summary>Intake finished; waiting for an operator to triage.</summary>
    AwaitingTriage,
    /// <summary>An operator is working the case.</summary>
    InProgress,
    /// <summary>Referred to one or more agencies; waiting on them.</summary>
    Referred,
    /// <summary>Scheduled check-ins with the caller.</summary>
    FollowUp,
    Closed,
}
