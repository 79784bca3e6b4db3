using Hotline.Web.Data;
using Hotline.Web.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

/// <summary>The indicators report on screen and its downloads. The downloads are the anonymous (shared) form.</summary>
[Route("reports"), Authorize(Policy = Policies.Supervisor)]
public sealed class ReportsController(IndicatorQueries queries, Jurisdictions jurisdictions, ResearchExport research) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardPeriod period, [FromQuery] string? jurisdiction, CancellationToken ct)
    {
        var known = await jurisdictions.AllAsync(ct);
        var (scope, error) = IndicatorsPage.Scope(jurisdiction, known);
        var report = await queries.ReportAsync(period, scope, ct);
        if (error is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(new IndicatorsPage(report, known, error, User.IsInRole(Roles.Admin)));
    }

    [HttpGet("indicators.csv")]
    public Task<IActionResult> Csv([FromQuery] DashboardPeriod period, [FromQuery] string? jurisdiction, CancellationToken ct) =>
        DownloadAsync(period, jurisdiction, "csv", IndicatorExports.CsvType, IndicatorExports.Csv, ct);

    [HttpGet("indicators.xlsx")]
    public Task<IActionResult> Xlsx([FromQuery] DashboardPeriod period, [FromQuery] string? jurisdiction, CancellationToken ct) =>
        DownloadAsync(period, jurisdiction, "xlsx", IndicatorExports.XlsxType, IndicatorExports.Xlsx, ct);

    [HttpGet("research.csv"), Authorize(Policy = Policies.Admin)]
    public async Task<IActionResult> Research([FromQuery] DashboardPeriod period, [FromQuery] string? jurisdiction, CancellationToken ct)
    {
        var (scope, error) = IndicatorsPage.Scope(jurisdiction, await jurisdictions.AllAsync(ct));
        if (error is not null) return Problem(error, statusCode: StatusCodes.Status400BadRequest);
        return File(await research.CsvAsync(period, scope, ct), IndicatorExports.CsvType, "research-cases.csv");
    }

    private async Task<IActionResult> DownloadAsync(
        DashboardPeriod period, string? jurisdiction, string extension, string type, Func<Core.Reports.IndicatorReport, byte[]> write,
        CancellationToken ct)
    {
        var (scope, error) = IndicatorsPage.Scope(jurisdiction, await jurisdictions.AllAsync(ct));
        if (error is not null) return Problem(error, statusCode: StatusCodes.Status400BadRequest);
        var report = await queries.ReportAsync(period, scope, ct);
        return File(write(report), type, IndicatorExports.FileName(report, extension));
    }
}
