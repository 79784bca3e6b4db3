using Hotline.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

public sealed class BoardController(LiveBoard board, CallTaking calls, UserManager<HotlineUser> users) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await board.ReadAsync(ct));

    /// <summary>The board's body alone, polled every few seconds by site.js.</summary>
    [HttpGet("/board/live")]
    public async Task<IActionResult> Live(CancellationToken ct) => PartialView("_Live", await board.ReadAsync(ct));

    [HttpPost("/board/take/{contactId:guid}")]
    public async Task<IActionResult> Take(Guid contactId, CancellationToken ct)
    {
        var op = await users.GetUserAsync(User);
        if (op is null) return Challenge();
        var (problem, caseId) = await calls.TakeAsync(contactId, op, ct);
        if (problem is not null)
        {
            TempData["Error"] = problem;
            return RedirectToAction(nameof(Index));
        }
        TempData["Flash"] = "Call put through to " + op.OperatorPhone + ". The case is open below.";
        return Redirect($"/cases/{caseId}");
    }
}
