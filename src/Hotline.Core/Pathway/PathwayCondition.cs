using Hotline.Core.Cases;

namespace Hotline.Core.Pathway;

/// <summary>
/// The closed set of conditions a rule may name in YAML. Closed on purpose: a typo in a
/// safeguarding rule must fail start-up, not silently never match.
/// </summary>
public static class PathwayCondition
{
    private static readonly Dictionary<string, Func<CaseProfile, bool>> Predicates = new(StringComparer.Ordinal)
    {
        ["child"] = p => p.ChildInvolved,
        ["adult"] = p => !p.ChildInvolved,
        ["imminent_danger"] = p => p.ImminentDanger,
        ["no_imminent_danger"] = p => !p.ImminentDanger,
        // Only an explicit yes counts as consent; "not asked yet" (null) is neither.
        ["consent_given"] = p => p.ConsentToShare == true,
        ["consent_refused"] = p => p.ConsentToShare == false,
        ["labour"] = p => p.TraffickingType is TraffickingType.Labour or TraffickingType.SexAndLabour,
        ["sex"] = p => p.TraffickingType is TraffickingType.Sex or TraffickingType.SexAndLabour,
    };

    public static IReadOnlyCollection<string> Names => Predicates.Keys;

    public static bool IsKnown(string name) => Predicates.ContainsKey(name);

    public static bool Holds(string name, CaseProfile profile) =>
        Predicates.TryGetValue(name, out var predicate)
            ? predicate(profile)
            : throw new ArgumentException($"Unknown pathway condition '{name}'.", nameof(name));
}
