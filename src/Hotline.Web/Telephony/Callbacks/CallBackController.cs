using Hotline.Web.Data;
using Hotline.Web.Operators;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Telephony.Callbacks;

/// <summary>The console's "Call back" button (board and case page): the service dials; the advocate never sees the number.</summary>
[Authorize(Policy = Policies.Console)]
public sealed class CallBackController(CallbackDialer dialer, UserManager<HotlineUser> users) : Controller
{
    [HttpPost("cases/{caseId:guid}/call-back")]
    public async Task<IActionResult> CallBack(Guid caseId, [FromForm] string? device, [FromForm] string? returnTo, CancellationToken ct)
    {
        var advocate = await users.GetUserAsync(User);
        if (advocate is null) return Forbid();
        var joinBy = string.Equals(device, "browser", StringComparison.OrdinalIgnoreCase) ? AdvocateDevice.Browser : AdvocateDevice.Phone;
        var problem = await dialer.CallAsync(caseId, advocate, joinBy, ct);
        if (problem is not null)
        {
            TempData["Error"] = problem;
        }
        else
        {
            TempData["Flash"] = joinBy == AdvocateDevice.Browser
                ? "Calling the caller back from the hotline number. When a person answers, the call rings in this browser."
                : "Calling the caller back from the hotline number. When a person answers, your phone rings and you are joined.";
        }
        // Back where the button was: the board, or the case page (never an address from outside).
        return returnTo == "board" ? Redirect("/") : Redirect($"/cases/{caseId}");
    }
}
