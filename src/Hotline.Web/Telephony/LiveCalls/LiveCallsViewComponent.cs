using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>The board's "Live calls" panel, refreshed by polling /board/live-calls.</summary>
public sealed class LiveCallsViewComponent(LiveCallBoard board) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await board.CallsAsync(HttpContext.RequestAborted));
}

/// <summary>The case page's live-call panel, refreshed when the case changes (live.js, data-live-case).</summary>
public sealed class LiveCallViewComponent(LiveCallBoard board) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId) =>
        View(await board.PanelAsync(caseId, UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier), HttpContext.RequestAborted));
}
