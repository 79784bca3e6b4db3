using Hotline.Core.Cases;

namespace Hotline.Core.Referrals;

/// <summary>Ranks the directory's agencies of one type for one case. Pure: the clock is a parameter.</summary>
public static class AgencyMatcher
{
    /// <summary>
    /// Active agencies of <paramref name="type"/> covering the jurisdiction, best first.
    /// For urgent cases (Crisis, High) an agency open now comes first: a closed office cannot meet a
    /// 15-minute acknowledgement deadline, however local it is. Then exact jurisdiction before national,
    /// then language, then open now (non-urgent), then the agreed pathway order.
    /// An unknown jurisdiction matches national agencies only: a regional agency elsewhere would burn
    /// the deadline before the ladder reaches someone who can act.
    /// </summary>
    public static IReadOnlyList<AgencyMatch> Match(
        IEnumerable<AgencyListing> agencies,
        AgencyType type,
        string? jurisdiction,
        string? language,
        DateTimeOffset now,
        Urgency urgency = Urgency.High)
    {
        var urgent = urgency <= Urgency.High;
        return agencies
            .Where(a => a.Active && a.Type == type)
            .Where(
                a => a.IsNational || (jurisdiction is not null && a.Jurisdictions.Contains(jurisdiction, StringComparer.OrdinalIgnoreCase)))
            .Select(a => new AgencyMatch(
                a,
                JurisdictionExact: jurisdiction is not null && a.Jurisdictions.Contains(jurisdiction, StringComparer.OrdinalIgnoreCase),
                // No language recorded means no preference: every agency matches.
                LanguageMatch: language is null || a.Languages.Contains(language, StringComparer.OrdinalIgnoreCase),
                OpenNow: a.IsOpen(now)))
            .OrderByDescending(m => urgent && m.OpenNow)
            .ThenByDescending(m => m.JurisdictionExact)
            .ThenByDescending(m => m.LanguageMatch)
            .ThenByDescending(m => m.OpenNow)
            .ThenBy(m => m.Agency.PathwayOrder)
            .ThenBy(m => m.Agency.Name, StringComparer.Ordinal)
            .ToList();
    }
}
