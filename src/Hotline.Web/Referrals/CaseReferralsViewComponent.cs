using Hotline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>The referrals section of the case page: what was sent and where it stands, and what the pathway suggests.</summary>
public sealed class CaseReferralsViewComponent(HotlineDbContext db, ReferralDesk desk) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Agency)
            .Where(r => r.CaseId == caseId).OrderByDescending(r => r.CreatedAt).ToListAsync();
        var suggestions = await desk.SuggestAsync(caseId, HttpContext.RequestAborted);
        return View(new CaseReferralsView(caseId, referrals, suggestions));
    }
}

public sealed record CaseReferralsView(Guid CaseId, IReadOnlyList<Referral> Referrals, IReadOnlyList<ReferralSuggestion> Suggestions);
