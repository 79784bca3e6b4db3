using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

public static class CaseProfiles
{
    /// <summary>What the pathway decides on. Unanswered safety questions count as "no"; unasked consent stays null.</summary>
    public static CaseProfile ToProfile(this Case @case)
    {
        var needs = new HashSet<string>(@case.Needs, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(@case.Need)) needs.Add(@case.Need);
        return new CaseProfile(
            @case.ChildInvolved == true,
            @case.ImminentDanger == true,
            @case.ContactType,
            @case.TraffickingType ?? TraffickingType.Unknown,
            @case.ConsentToShare,
            needs,
            @case.Jurisdiction,
            @case.Language);
    }
}
