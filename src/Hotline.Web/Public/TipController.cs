using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotline.Web.Public;

/// <summary>
/// /tip: report a situation without a conversation. Public and anonymous, and cookieless: the post carries a
/// signed form stamp instead of an anti-forgery token (see <see cref="TipFormStamp"/>), and the body is read by
/// <see cref="TipPost"/>, not model binding, so no input can turn into a 500.
/// </summary>
[AllowAnonymous]
[Route(TipReception.Path)]
public sealed class TipController(TipReception reception) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Form([FromQuery] string? lang, CancellationToken ct) =>
        View("Form", await reception.BlankAsync(Request, lang, ct));

    [HttpPost("")]
    [IgnoreAntiforgeryToken]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RequestSizeLimit(TipPost.MaxBodyBytes + 1)]
    public async Task<IActionResult> Send()
    {
        // No parameters on purpose: with any, MVC's form value provider reads the whole body first, with its own limits.
        var outcome = await reception.ReceiveAsync(Request, HttpContext.RequestAborted);
        if (outcome.Received) return RedirectToAction(nameof(Thanks), new { lang = outcome.Language });
        Response.StatusCode = outcome.StatusCode;
        return View("Form", outcome.Page);
    }

    [HttpGet("thanks")]
    public IActionResult Thanks([FromQuery] string? lang) => View("Thanks", reception.Thanks(Request, lang));
}
