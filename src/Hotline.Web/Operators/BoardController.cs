using Hotline.Web.Data;
using Hotline.Web.Telephony;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

public sealed class BoardController(LiveBoard board, CallTaking calls, UserManager<HotlineUser> users, TwilioRefusals refusals) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(WithAlerts(await board.ReadAsync(ct)));

    /// <summary>The board's body alone, polled every few seconds by site.js.</summary>
    [HttpGet("/board/live")]
    public async Task<IActionResult> Live(CancellationToken ct) => PartialView("_Live", WithAlerts(await board.ReadAsync(ct)));

    /// <summary>Supervisors and admins can fix (or get fixed) the Twilio configuration: they see when it fails.</summary>
    private BoardView WithAlerts(BoardView view) =>
        User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Admin) ? view with { TwilioRefusals = refusals.Recent() } : view;

    [HttpPost("/board/take/{contactId:guid}")]
    public async Task<IActionResult> Take(Guid contactId, [FromForm] string? device, CancellationToken ct)
    {
        var op = await users.GetUserAsync(User);
        if (op is null) return Challenge();
        var answerOn = AdvocateDevices.Parse(device);
        var (problem, caseId) = await calls.TakeAsync(contactId, op, ct, answerOn);
        if (problem is not null)
        {
            TempData["Error"] = problem;
            return RedirectToAction(nameof(Index));
        }
        TempData["Flash"] = (answerOn == AdvocateDevice.Browser ? "Answer the call in the browser" : "Your phone is ringing: answer it")
            + " to join the caller's call. The case is open below.";
        return Redirect($"/cases/{caseId}");
    }
}
