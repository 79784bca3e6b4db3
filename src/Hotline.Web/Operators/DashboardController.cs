using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

[Route("dashboard"), Authorize(Policy = Policies.Supervisor)]
public sealed class DashboardController(ServiceLevels levels) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardPeriod period, CancellationToken ct)
    {
        if (DateRange.Problem(period.From, period.To) is { } wrong)
        {
            ModelState.AddModelError(nameof(period.To), wrong + " Shown below: the last 4 weeks.");
            period = new DashboardPeriod();
        }
        return View(await levels.ReportAsync(period, ct));
    }
}
