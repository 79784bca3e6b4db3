using Hotline.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals;

/// <summary>The referrals section of the case page: what was sent and where it stands, and what the pathway suggests.</summary>
public sealed class CaseReferralsViewComponent(ReferralDesk desk, UnresolvedReferralDesk unresolvedDesk) : ViewComponent
{
    /// <param name="case">The case as the case page loaded it, with its referrals and each one's agency.</param>
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        var referrals = @case.Referrals.OrderByDescending(r => r.CreatedAt).ToList();
        var suggestions = await desk.SuggestAsync(@case, HttpContext.RequestAborted);
        var unresolved = referrals.Where(r => UnresolvedReferrals.IsUnresolved(r, referrals)).ToList();
        var alternatives =
            await unresolvedDesk.AlternativesAsync(unresolved.Select(r => r.Agency.Type).Distinct().ToList(), HttpContext.RequestAborted);
        return View(new CaseReferralsView(@case.Id, referrals, suggestions) { Unresolved = unresolved, Alternatives = alternatives });
    }
}

public sealed record CaseReferralsView(Guid CaseId, IReadOnlyList<Referral> Referrals, IReadOnlyList<ReferralSuggestion> Suggestions)
{
    /// <summary>Mandatory referrals at a dead end, waiting for a person to record what was done.</summary>
    public IReadOnlyList<Referral> Unresolved { get; init; } = [];
    /// <summary>Agencies of the dead ends' types, to refer to instead.</summary>
    public IReadOnlyList<Agency> Alternatives { get; init; } = [];
}
