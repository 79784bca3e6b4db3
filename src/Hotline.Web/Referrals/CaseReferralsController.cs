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
            TempData["Flash"] = "Referral sent. It is tracked below until the agency answers.";
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
            TempData["Flash"] = "Referral sent again.";
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
