using System.Security.Claims;
using Hotline.Web.Data;
using Hotline.Web.Live;
using Hotline.Web.Operators.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

/// <summary>
/// Text conversations on the case page: the live transcript, taking, reassigning, replying and closing. Staff only
/// (the console's fallback policy); reassigning is for supervisors. The logic is in <see cref="ConversationDesk"/>.
/// </summary>
[Route("cases/{id:guid}")]
public sealed class ConversationsController(
    ConversationReader reader, ConversationDesk desk, CaseDesk cases, UserManager<HotlineUser> users, ConsoleSignals signals)
    : Controller
{
    /// <summary>The conversation's live part, re-fetched by live.js when the case changes (data-live-src).</summary>
    [HttpGet("conversation")]
    public async Task<IActionResult> Live(Guid id, CancellationToken ct)
    {
        if (await reader.PartAsync(id, User, ct) is not { } part) return NotFound();
        await reader.AuditViewAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier), true, part.Panel.Threads.Count, ct);
        return PartialView("~/Views/Cases/_Conversation.cshtml", part);
    }

    [HttpPost("conversations/{contactId:guid}/take")]
    public Task<IActionResult> Take(Guid id, Guid contactId, CancellationToken ct) =>
        ActAsync(id, me => desk.TakeAsync(id, contactId, me, ct));

    [HttpPost("conversations/{contactId:guid}/reassign"), Authorize(Policy = Policies.Supervisor)]
    public Task<IActionResult> Reassign(Guid id, Guid contactId, string? to, CancellationToken ct) =>
        ActAsync(id, _ => desk.ReassignAsync(id, contactId, to ?? "", ct));

    [HttpPost("conversations/{contactId:guid}/close")]
    public Task<IActionResult> Close(Guid id, Guid contactId, CancellationToken ct) =>
        ActAsync(id, me => desk.CloseAsync(id, contactId, me, User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Admin), ct));

    [HttpPost("conversations/{contactId:guid}/template")]
    public Task<IActionResult> Template(Guid id, Guid contactId, CancellationToken ct) =>
        ActAsync(id, me => desk.SendTemplateAsync(id, contactId, me, ct));

    [HttpPost("messages/{messageId:guid}/retry")]
    public Task<IActionResult> Retry(Guid id, Guid messageId, CancellationToken ct) =>
        ActAsync(id, me => desk.RetryAsync(id, messageId, me, ct));

    /// <summary>
    /// Sent: back to the page. Not sent: the case page again (no redirect), the reason next to the reply box and the
    /// advocate's text still in it; the text is never put in a cookie or a URL.
    /// </summary>
    [HttpPost("conversations/{contactId:guid}/reply")]
    public async Task<IActionResult> Reply(Guid id, Guid contactId, string? body, string? quick, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        var outcome = await desk.ReplyAsync(id, contactId, body, quick, me, ct);
        if (outcome.Succeeded) return Done(id, outcome);
        if (await cases.OpenAsync(id, ct) is not { } file) return NotFound();
        ViewData[CaseConversationViewComponent.DraftKey] = new ReplyDraft(contactId, body, outcome.Problem!);
        return View("~/Views/Cases/Show.cshtml", file);
    }

    private async Task<IActionResult> ActAsync(Guid id, Func<HotlineUser, Task<ConversationOutcome>> act)
    {
        if (await users.GetUserAsync(User) is not { } me) return Challenge();
        var outcome = await act(me);
        // Taken, reassigned or closed: every other open page of the case shows who has it now, without reloading.
        if (outcome.Succeeded) await signals.CaseChangedAsync(id, CancellationToken.None);
        return Done(id, outcome);
    }

    private RedirectResult Done(Guid id, ConversationOutcome outcome)
    {
        if (outcome.Problem is not null) TempData["Error"] = outcome.Problem;
        else if (outcome.Done is not null) TempData["Flash"] = outcome.Done;
        return Redirect(ConversationRoutes.Page(id));
    }
}
