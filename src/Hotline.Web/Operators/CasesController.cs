using System.Security.Claims;
using Hotline.Core.Cases;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators;

[Route("cases")]
public sealed class CasesController(
    CaseDesk desk, CaseFinder finder, Infrastructure.Audit audit, Data.HotlineDbContext db, Referrals.CasePathway pathway) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Find([FromQuery] CaseSearch search, CancellationToken ct)
    {
        var result = await finder.FindAsync(search, ct);
        if (DateRange.Problem(search.From, search.To) is { } wrong)
        {
            ModelState.AddModelError(nameof(search.To), wrong);
            result = result with { Rows = [], Total = 0 };
        }
        // Searching is reading: who looked for what is part of the record.
        audit.Record(
            "case.search",
            detail: $"{result.Total} found; ref={search.Ref} status={search.Status} type={search.Type} " +
            $"jurisdiction={search.Jurisdiction} from={search.From} to={search.To} page={search.Page}");
        await db.SaveChangesAsync(ct);
        return View(result);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) =>
        await desk.OpenAsync(id, ct) is { } file ? View(file) : NotFound();

    [HttpPost("{id:guid}/classification")]
    public async Task<IActionResult> Classify(Guid id, [Bind(Prefix = "Classification")] ClassificationForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Done(id, "The classification was not saved: " + FirstError());
        var save = await desk.ClassifyAsync(id, form, ct);
        // A new profile (a minor, danger, consent) may make referrals mandatory at once.
        if (save.Changed.Count > 0) await pathway.EvaluateAsync(id, User.Identity?.Name ?? "operator", ct);
        if (save.Form is null) return Done(id, save.Problem, "Classification saved.");
        // Refused in part or whole: the page again, with the operator's input on the form and what changed.
        if (await desk.OpenAsync(id, ct) is not { } file) return NotFound();
        TempData["Error"] = save.Problem;
        ModelState.Clear(); // the form shows the merged model (and its new version), not the raw post
        ModelState.AddModelError(save.Field ?? "Classification", save.Problem ?? "The classification was not saved.");
        return View("Show", file with { Classification = save.Form, Conflicts = save.Conflicts });
    }

    [HttpPost("{id:guid}/safe-contact")]
    public async Task<IActionResult> SafeContact(Guid id, [Bind(Prefix = "SafeContact")] SafeContactForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Done(id, "Safe-contact details were not saved: " + FirstError());
        return Done(id, await desk.SetSafeContactAsync(id, form, ct), "Safe-contact details saved.");
    }

    [HttpPost("{id:guid}/consent")]
    public async Task<IActionResult> Consent(Guid id, bool consent, CancellationToken ct)
    {
        var error = await desk.RecordConsentAsync(id, consent, User.Identity?.Name ?? "unknown", ct);
        if (error is null) await pathway.EvaluateAsync(id, User.Identity?.Name ?? "operator", ct);
        return Done(id, error, consent ? "Consent to share recorded." : "Refusal to share recorded.");
    }

    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> AddNote(Guid id, string body, CancellationToken ct) =>
        Done(
            id, await desk.AddNoteAsync(id, body, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", User.Identity?.Name ?? "", ct),
            "Note added.");

    [HttpPost("{id:guid}/status")]
    public async Task<IActionResult> ChangeStatus(Guid id, CaseTrigger trigger, CaseOutcome? outcome, CancellationToken ct) =>
        Done(
            id, await desk.ChangeStatusAsync(id, trigger, outcome, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", ct),
            trigger == CaseTrigger.OperatorTook ? "Status changed: the case is assigned to you." : "Status changed.");

    private RedirectResult Done(Guid id, string? error, string? success = null)
    {
        if (error is not null) TempData["Error"] = error;
        else if (success is not null) TempData["Flash"] = success;
        return Redirect($"/cases/{id}");
    }

    private string FirstError() =>
        ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? "check the fields.";
}
