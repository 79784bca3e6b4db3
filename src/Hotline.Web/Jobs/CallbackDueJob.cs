using Hangfire;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Runs when a consented callback falls due (scheduled inside the caller's safe window). Puts it on the
/// operator board. Idempotent: re-reads the case and does nothing if the promise is already kept or void.
/// </summary>
public sealed class CallbackDueJob(HotlineDbContext db, Audit audit, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 30, 120, 600, 1800])]
    [Queue("critical")]
    public async Task RunAsync(Guid caseId)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId);
        if (@case is null || @case.CallbackDue || @case.CallbackAllowed != true || @case.Status == CaseStatus.Closed) return;
        if (@case.CallbackDueAt is { } due && due > clock.GetUtcNow()) return; // rescheduled later; that run will do it
        @case.CallbackDue = true;
        @case.UpdatedAt = clock.GetUtcNow();
        audit.Record("callback.due", caseId, $"Callback due (window: {@case.CallbackWindow ?? "any"})");
        await db.SaveChangesAsync();
    }
}
