using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals;

/// <summary>Operator actions on a case's referrals: send to a suggested agency, resend one that went unanswered.</summary>
[Route("cases/{caseId:guid}/referrals")]
public sealed class CaseReferralsController(ReferralDesk desk, UnresolvedReferralDesk unresolved) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Send(Guid caseId, Guid agencyId, CancellationToken ct)
    {
        try
        {
            var referral = await desk.SendAsync(caseId, agencyId, ActorId, ActorName, ct);
            // Delivery runs as a job right after this: say what is true now, not "sent".
            TempData[
                "Flash"] = "Referral recorded. Delivery to the agency is being attempted now: its status below says whether it arrived.";
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

    /// <summary>What a person did about a mandatory referral nobody acknowledged: resend, another agency, or by phone.</summary>
    [HttpPost("{referralId:guid}/follow-up")]
    public async Task<IActionResult> FollowUp(
        Guid caseId, Guid referralId, ReferralFollowUp? done, Guid? agencyId, string? note, CancellationToken ct)
    {
        try
        {
            // Unknown or missing input must never default to one of the actions.
            if (done is not { } what || !Enum.IsDefined(what))
            {
                throw new ReferralRefusedException(
                    "Choose what was done: resend, refer to another agency or hand over by phone.");
            }
            var next = await unresolved.RecordAsync(caseId, referralId, what, agencyId, note, ActorId, ActorName, ct);
            TempData["Flash"] = next is null ? "Hand-over recorded."
                : "New referral created. It is tracked below until the agency answers.";
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
