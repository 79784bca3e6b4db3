using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>The agency directory in Open Referral HSDS 3.0, for administrators: download it, or upload a file to merge.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("admin/agencies/hsds")]
public sealed class AgencyHsdsController(AgencyDirectoryHsds directory, TimeProvider clock) : Controller
{
    /// <summary>Far above any real directory (a thousand agencies export to about 5 MB), far below what would hurt the server.</summary>
    private const int MaxFileBytes = 20 * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Index() => View(new AgencyHsdsPage(null));

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken ct)
    {
        var bytes = await directory.ExportAsync(null, ct);
        return File(bytes, "application/json", $"agency-directory-hsds-3.0-{clock.GetUtcNow():yyyy-MM-dd}.json");
    }

    [HttpPost("")]
    [RequestSizeLimit(MaxFileBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> Import(AgencyHsdsUpload? upload, CancellationToken ct)
    {
        if (upload?.File is not { Length: > 0 } file)
        {
            if (ModelState.IsValid) ModelState.AddModelError(nameof(AgencyHsdsUpload.File), "Choose an HSDS 3.0 JSON file to upload.");
            return View(nameof(Index), new AgencyHsdsPage(null));
        }
        if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(AgencyHsdsUpload.File), $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.");
            return View(nameof(Index), new AgencyHsdsPage(null));
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await directory.ImportAsync(buffer.ToArray(), upload.CheckOnly, null, ct);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", $"{file.FileName}: {result.Errors.Count} error(s), listed below; nothing was imported.");
            return View(nameof(Index), new AgencyHsdsPage(null, result.Errors));
        }
        if (upload.CheckOnly) return View(nameof(Index), new AgencyHsdsPage(result));
        TempData["Result"] = $"Imported {file.FileName}: {result.Summary}.";
        return RedirectToAction(nameof(Index));
    }
}
