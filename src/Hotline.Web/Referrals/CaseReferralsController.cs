using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals;

/// <summary>Operator actions on a case's referrals: send to a suggested agency, resend one that went unanswered.</summary>
[Route("cases/{caseId:guid}/referrals")]
public sealed class CaseReferralsController(ReferralDesk desk) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Send(Guid caseId, Guid agencyId, CancellationToken ct)
    {
        try
        {
            var referral = await desk.SendAsync(caseId, agencyId, ActorId, ActorName, ct);
            // Delivery runs as a job right after this: say what is true now, not "sent".
            TempData["Flash"] = "Referral recorded. Delivery to the agency is being attempted now: its status below says whether it arrived.";
        }
        catch (ReferralRefusedException e)
        {
            TempData["Error"] = e.Message;
        }
        return Redirect($"/cases/{caseId}#ref-h");
    }

    [HttpPost("{referralId:guid}/resend")]
    public async Task<IActionResult> Resend(Guid caseId, Guid referralId, CancellationToken ct)
    {
        try
        {
            await desk.ResendAsync(referralId, ActorId, ActorName, ct);
            TempData["Flash"] = "Resend requested. Delivery is being attempted now: the status below says whether it arrived.";
        }
        catch (ReferralRefusedException e)
        {
            TempData["Error"] = e.Message;
        }
        return Redirect($"/cases/{caseId}#ref-h");
    }

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    private string ActorName => User.Identity?.Name ?? "";
}
