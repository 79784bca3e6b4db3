using Hotline.Core.Referrals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals;

/// <summary>
/// The same answers as the agency page, for agencies' own systems. No cookies are involved (the token in
/// the URL is the credential), so anti-forgery does not apply.
/// </summary>
[ApiController]
[ApiExplorerSettings(GroupName = AgencyApiDocument.Name)]
[ProducesResponseType<AgencyAnswerBody>(StatusCodes.Status200OK, "application/json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, "application/problem+json")]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("api/agency/referrals/{token}")]
public sealed class AgencyReferralApiController(AgencyReferralActions actions) : ControllerBase
{
    /// <summary>Acknowledge: the agency has seen the referral.</summary>
    [HttpPost("acknowledge")]
    public Task<IActionResult> Acknowledge(string token, CancellationToken ct) => Answer(token, ReferralTrigger.Acknowledge, null, ct);

    /// <summary>Accept the referral (acknowledges first if needed).</summary>
    [HttpPost("accept")]
    public Task<IActionResult> Accept(string token, CancellationToken ct) => Answer(token, ReferralTrigger.Accept, null, ct);

    /// <summary>Decline the referral with a reason (acknowledges first if needed).</summary>
    [HttpPost("decline")]
    public Task<IActionResult> Decline(string token, [FromBody] DeclineRequest request, CancellationToken ct) =>
        Answer(token, ReferralTrigger.Decline, request.Reason, ct);

    private async Task<IActionResult> Answer(string token, ReferralTrigger trigger, string? reason, CancellationToken ct)
    {
        var answer = await actions.AnswerAsync(token, trigger, reason, ct);
        if (answer.Referral is not { } referral)
            return Problem(detail: answer.Problem, statusCode: answer.StatusCode, title: "The referral cannot take this answer");
        return Ok(new AgencyAnswerBody(referral.Case.Reference, referral.Status.ToString()));
    }
}
