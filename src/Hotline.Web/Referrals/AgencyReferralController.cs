using Hotline.Core.Referrals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals;

/// <summary>
/// The page behind the link in a referral notification. Anonymous: the expiring token is the credential,
/// and it opens only this one referral.
/// </summary>
[AllowAnonymous]
[Route("agency/referrals/{token}")]
public sealed class AgencyReferralController(AgencyReferralActions actions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, string? done, CancellationToken ct)
    {
        var opened = await actions.OpenAsync(token, ct);
        if (opened.Referral is not { } referral) return Unavailable(opened);
        await actions.RecordViewAsync(referral, ct);
        return View("Show", new AgencyReferralPage(token, referral, done));
    }

    [HttpPost("acknowledge")]
    public Task<IActionResult> Acknowledge(string token, CancellationToken ct) => Answer(token, ReferralTrigger.Acknowledge, null, ct);

    [HttpPost("accept")]
    public Task<IActionResult> Accept(string token, CancellationToken ct) => Answer(token, ReferralTrigger.Accept, null, ct);

    [HttpPost("decline")]
    public Task<IActionResult> Decline(string token, [FromForm] string? reason, CancellationToken ct) =>
        Answer(token, ReferralTrigger.Decline, reason, ct);

    private async Task<IActionResult> Answer(string token, ReferralTrigger trigger, string? reason, CancellationToken ct)
    {
        var answer = await actions.AnswerAsync(token, trigger, reason, ct);
        if (answer.Referral is null) return Unavailable(answer);
        // A declined referral closes the link, so say thank you here rather than redirect to a refused page.
        if (answer.Referral.Status == ReferralStatus.Declined)
            return View("Answered", answer.Referral);
        return RedirectToAction(nameof(Show), new { token, done = answer.Referral.Status.ToString() });
    }

    private ViewResult Unavailable(AgencyAnswer answer)
    {
        Response.StatusCode = answer.StatusCode;
        return View("Unavailable", answer.Problem);
    }
}
