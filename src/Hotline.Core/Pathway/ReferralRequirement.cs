using Hotline.Core.Referrals;

namespace Hotline.Core.Pathway;

/// <summary>One agency type that must (or may) be told, on what legal basis, with how much data, by when.</summary>
public sealed record ReferralRequirement(
    string RuleId,
    AgencyType AgencyType,
    bool Mandatory,
    ConsentBasis ConsentBasis,
    DataLevel DataLevel,
    TimeSpan AcknowledgeWithin,
    string Reason)
{
    /// <summary>What to do when the acknowledgement deadline is missed, in order.</summary>
    public IReadOnlyList<EscalationRung> Escalation { get; init; } = [];
}
