using Hotline.Core.Cases;

namespace Hotline.Core.Pathway;

/// <summary>The pathway's answer for one case. <see cref="Reasons"/> are written to the audit log verbatim.</summary>
public sealed record PathwayDecision(
    IReadOnlyList<ReferralRequirement> Mandatory,
    IReadOnlyList<ReferralRequirement> Suggested,
    bool AlertSupervisorNow,
    Urgency Urgency,
    IReadOnlyList<string> Reasons);
