using Hotline.Core.Cases;
using Hotline.Core.Referrals;

namespace Hotline.Core.Pathway;

/// <summary>
/// Decides, for one case, who must be told and who may be told, from a validated pathway definition.
/// Pure: same profile and pathway, same decision, so decisions can be replayed when audited.
/// </summary>
public sealed class PathwayPolicy(PathwayDefinition definition)
{
    public PathwayDefinition Definition { get; } = definition;

    public IReadOnlyList<TimeSpan> FollowUpCadence => Definition.FollowUpCadence;

    public TimeSpan RetentionPeriod => TimeSpan.FromDays(Definition.RetentionDays);

    public bool AnonymousNotificationsAllowed => Definition.AnonymousNotificationsForRefusingAdults;

    public static PathwayPolicy LoadFile(string path) => new(PathwayLoader.LoadFile(path));

    public TimeSpan TriageDeadline(Urgency urgency) => Definition.TriageDeadlines[urgency];

    /// <summary>Imminent danger or a crisis contact is Crisis; a child raises anything else to High.</summary>
    public static Urgency UrgencyFor(CaseProfile profile)
    {
        if (profile.ImminentDanger || profile.ContactType == ContactType.Crisis)
        {
            return Urgency.Crisis;
        }

        if (profile.ChildInvolved)
        {
            return Urgency.High;
        }

        return profile.ContactType switch
        {
            ContactType.TrainingTechnicalAssistance or ContactType.GeneralInformation => Urgency.Low,
            // Tips, service requests, high-risk-not-trafficking and "not screened yet" all get a human within a day.
            _ => Urgency.Normal,
        };
    }

    public PathwayDecision Decide(CaseProfile profile)
    {
        var urgency = UrgencyFor(profile);
        var alert = urgency == Urgency.Crisis;
        var reasons = new List<string>();
        if (alert)
        {
            reasons.Add(profile.ImminentDanger
                ? "Imminent danger: crisis urgency; supervisor alerted now"
                : "Crisis contact: crisis urgency; supervisor alerted now");
        }

        var mandatory = new List<ReferralRequirement>();
        var suggested = new List<ReferralRequirement>();
        foreach (var rule in Definition.Rules.Where(r => r.Conditions.All(c => PathwayCondition.Holds(c, profile))))
        {
            if (rule.ConsentBasis == ConsentBasis.AnonymousOnly && !AnonymousNotificationsAllowed)
            {
                reasons.Add($"{rule.Reason}: this pathway allows no anonymous notification, so nothing is shared (rule {rule.Id})");
                continue;
            }

            foreach (var type in AgencyTypesFor(rule, profile, reasons))
            {
                var requirement = new ReferralRequirement(
                    rule.Id, type, rule.Mandatory, rule.ConsentBasis, rule.DataLevel, rule.AcknowledgeWithin,
                    ReasonFor(rule, type))
                {
                    Escalation = rule.Escalation,
                };
                reasons.Add(requirement.Reason);
                Merge(rule.Mandatory ? mandatory : suggested, requirement);
            }
        }

        // Whoever must be told anyway is not also "suggested": one referral per agency type.
        suggested.RemoveAll(s => mandatory.Any(m => m.AgencyType == s.AgencyType));

        if (!profile.ChildInvolved && profile.ConsentToShare is null && mandatory.Count == 0)
        {
            reasons.Add("Consent to share not recorded yet: nothing is shared until the caller has been asked");
        }

        return new PathwayDecision(mandatory, suggested, alert, urgency, reasons);
    }

    private IEnumerable<AgencyType> AgencyTypesFor(PathwayRule rule, CaseProfile profile, List<string> reasons)
    {
        if (!rule.AgenciesFromNeeds)
        {
            return rule.Agencies;
        }

        var types = new List<AgencyType>();
        foreach (var need in profile.Needs.Order(StringComparer.Ordinal))
        {
            if (Definition.NeedAgencies.TryGetValue(need, out var type))
            {
                if (!types.Contains(type))
                {
                    types.Add(type);
                }
            }
            else
            {
                reasons.Add($"Need '{need}' has no agency type on pathway '{Definition.Name}'; the operator arranges it directly");
            }
        }

        return types;
    }

    /// <summary>Two rules naming the same agency type yield one referral with the tighter deadline.</summary>
    private static void Merge(List<ReferralRequirement> list, ReferralRequirement requirement)
    {
        var index = list.FindIndex(r => r.AgencyType == requirement.AgencyType);
        if (index < 0)
        {
            list.Add(requirement);
        }
        else if (requirement.AcknowledgeWithin < list[index].AcknowledgeWithin)
        {
            list[index] = requirement;
        }
    }

    private static string ReasonFor(PathwayRule rule, AgencyType type)
    {
        var kind = rule.ConsentBasis == ConsentBasis.AnonymousOnly
            ? "anonymous notification"
            : rule.Mandatory ? "mandatory referral" : "suggested referral";
        var consent = rule.ConsentBasis switch
        {
            ConsentBasis.MandatoryNoConsentNeeded => "consent not required",
            ConsentBasis.Consented => "caller consented",
            ConsentBasis.AnonymousOnly => "no consent, so no identifying data",
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.ConsentBasis, "unknown consent basis"),
        };
        return $"{rule.Reason}: {kind} to {AgencyWords(type)}; {consent} (rule {rule.Id})";
    }

    public static string AgencyWords(AgencyType type) => type switch
    {
        AgencyType.Police => "police",
        AgencyType.ChildProtection => "child protection",
        AgencyType.Shelter => "shelter",
        AgencyType.Medical => "medical services",
        AgencyType.LegalAid => "legal aid",
        AgencyType.LabourInspection => "labour inspection",
        AgencyType.Interpretation => "interpretation",
        AgencyType.CaseManagement => "case management",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown agency type"),
    };
}
