using System.Security.Claims;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>The console's live-call actions: thin, each one a <see cref="LiveCallDesk"/> call and a redirect with its words.</summary>
[Authorize(Policy = Policies.Console)]
public sealed class LiveCallsController(LiveCallDesk desk, LiveCallBoard board, UserManager<HotlineUser> users) : Controller
{
    /// <summary>The board's "Live calls" list alone, polled like the rest of the board.</summary>
    [HttpGet("/board/live-calls")]
    public async Task<IActionResult> Calls(CancellationToken ct) =>
        PartialView("~/Views/Board/_LiveCalls.cshtml", await board.CallsAsync(ct));

    /// <summary>The case page's live-call panel alone, re-fetched when the case changes.</summary>
    [HttpGet("/cases/{id:guid}/live-call")]
    public async Task<IActionResult> Panel(Guid id, CancellationToken ct) =>
        PartialView("~/Views/Cases/_LiveCall.cshtml", await board.PanelAsync(id, Me, ct));

    [HttpPost("/cases/{id:guid}/live-call/interpreter")]
    public async Task<IActionResult> Interpreter(Guid id, [FromForm] string? language, CancellationToken ct) =>
        Done(id, await desk.AddInterpreterAsync(id, language, ct), "Calling the interpreter line.");

    [HttpPost("/cases/{id:guid}/live-call/outside")]
    public async Task<IActionResult> Outside(Guid id, [FromForm] Guid? agencyId, [FromForm] string? number, [FromForm] bool holdCaller,
        CancellationToken ct) =>
        Done(id, await desk.AddOutsideAsync(id, agencyId, number, holdCaller, ct),
            holdCaller ? "Calling them; the caller is on hold until you bring everyone together." : "Calling them into the call.");

    [HttpPost("/cases/{id:guid}/live-call/hold")]
    public async Task<IActionResult> Hold(Guid id, [FromForm] bool hold, CancellationToken ct) =>
        Done(id, await desk.HoldCallerAsync(id, hold, ct), hold ? "The caller is on hold." : "Everyone is together on the call.");

    [HttpPost("/cases/{id:guid}/live-call/mute")]
    public async Task<IActionResult> Mute(Guid id, [FromForm] bool mute, CancellationToken ct) =>
        Done(id, await desk.MuteAdvocateAsync(id, Me ?? "", mute, ct), mute ? "You are muted." : "You are unmuted.");

    [HttpPost("/cases/{id:guid}/live-call/legs/{legId:guid}/remove")]
    public async Task<IActionResult> Remove(Guid id, Guid legId, CancellationToken ct) =>
        Done(id, await desk.RemoveAsync(id, legId, ct), "Taken off the call.");

    [HttpPost("/cases/{id:guid}/live-call/leave")]
    public async Task<IActionResult> Leave(Guid id, CancellationToken ct) =>
        Done(id, await desk.LeaveAsync(id, Me ?? "", ct), "You left the call; the caller stays with who is on it.");

    [HttpPost("/board/live-calls/{contactId:guid}/listen"), Authorize(Policy = Policies.Supervisor)]
    public Task<IActionResult> Listen(Guid contactId, CancellationToken ct) => SuperviseAsync(contactId, whisper: false, ct);

    [HttpPost("/board/live-calls/{contactId:guid}/whisper"), Authorize(Policy = Policies.Supervisor)]
    public Task<IActionResult> Whisper(Guid contactId, CancellationToken ct) => SuperviseAsync(contactId, whisper: true, ct);

    private async Task<IActionResult> SuperviseAsync(Guid contactId, bool whisper, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return Challenge();
        var problem = await desk.SuperviseAsync(contactId, me, whisper, ct);
        TempData[problem is null ? "Flash" : "Error"] = problem ?? (whisper
            ? "Your phone is ringing: the advocate will hear you, the caller will not."
            : "Your phone is ringing: you will hear the call, muted.");
        return Redirect("/");
    }

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    private RedirectResult Done(Guid id, string? problem, string success)
    {
        if (problem is not null) TempData["Error"] = problem;
        else TempData["Flash"] = success;
        return Redirect($"/cases/{id}");
    }
}
