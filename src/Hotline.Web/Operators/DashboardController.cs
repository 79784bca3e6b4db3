using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

[Route("dashboard"), Authorize(Policy = Policies.Supervisor)]
public sealed class DashboardController(ServiceLevels levels) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardPeriod period, CancellationToken ct) =>
        View(await levels.ReportAsync(period, ct));
}
