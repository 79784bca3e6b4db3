using Hotline.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals;

/// <summary>The referrals section of the case page: what was sent and where it stands, and what the pathway suggests.</summary>
public sealed class CaseReferralsViewComponent(ReferralDesk desk) : ViewComponent
{
    /// <param name="case">The case as the case page loaded it, with its referrals and each one's agency.</param>
    public async Task<IViewComponentResult> InvokeAsync(Case @case)
    {
        var referrals = @case.Referrals.OrderByDescending(r => r.CreatedAt).ToList();
        var suggestions = await desk.SuggestAsync(@case, HttpContext.RequestAborted);
        return View(new CaseReferralsView(@case.Id, referrals, suggestions));
    }
}

public sealed record CaseReferralsView(Guid CaseId, IReadOnlyList<Referral> Referrals, IReadOnlyList<ReferralSuggestion> Suggestions);
