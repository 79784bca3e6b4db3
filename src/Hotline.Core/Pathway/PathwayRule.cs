using Hotline.Core.Referrals;

namespace Hotline.Core.Pathway;

/// <summary>
/// One rule of a pathway: when all <see cref="Conditions"/> hold, tell <see cref="Agencies"/>
/// (or, with <see cref="AgenciesFromNeeds"/>, the agency types matching the caller's needs).
/// </summary>
public sealed record PathwayRule(
    string Id,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<AgencyType> Agencies,
    bool AgenciesFromNeeds,
    bool Mandatory,
    ConsentBasis ConsentBasis,
    DataLevel DataLevel,
    TimeSpan AcknowledgeWithin,
    IReadOnlyList<EscalationRung> Escalation,
    string Reason);
