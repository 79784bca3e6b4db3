using System.Security.Claims;
using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Telephony.Softphone;

/// <summary>
/// The console's browser phone asks here for its Twilio access token: signed-in staff only, never cached, and only
/// when the service has an API key and TwiML App (otherwise a 503 that says, in words, what is not set up).
/// </summary>
[Authorize(Policy = Policies.Console)]
[Route(SoftphoneRoutes.Token)]
public sealed class SoftphoneController(SoftphoneSettings settings, SoftphoneTokens tokens) : Controller
{
    [HttpGet("")]
    public IActionResult Token()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
        if (settings.Missing() is { } missing)
            return Problem(title: "The browser phone is not set up", detail: missing, statusCode: StatusCodes.Status503ServiceUnavailable);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return Forbid();
        var token = tokens.Issue(userId);
        return Json(new { token = token.Token, identity = token.Identity, expiresAt = token.ExpiresAt });
    }
}
