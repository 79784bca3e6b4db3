using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// A check-in on the pathway's follow-up cadence. Puts a callback on the operator board, but only inside
/// the caller's safe-contact window: outside it, the job moves itself to the window's next opening.
/// </summary>
public sealed class FollowUpCheckInJob(HotlineDbContext db, Audit audit, Flow flow, IBackgroundJobClient jobs, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
    public async Task RunAsync(Guid caseId, int checkIn)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId);
        // No consented callback means no check-in call: contacting the caller unasked could endanger them.
        if (@case is null || @case.Status == CaseStatus.Closed || @case.CallbackAllowed != true) return;
        var marker = $"Check-in {checkIn + 1}";
        if (await db.AuditEntries.AnyAsync(
            a => a.CaseId == caseId && a.Action == "followup.due" && a.Detail!.StartsWith(marker + " ")))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var safe = flow.NextCallbackTime(@case.CallbackWindow, now);
        if (safe > now)
        {
            jobs.Schedule<FollowUpCheckInJob>(j => j.RunAsync(caseId, checkIn), safe);
            return;
        }
        @case.CallbackDue = true;
        @case.CallbackDueAt = now;
        @case.UpdatedAt = now;
        audit.Record("followup.due", caseId, $"{marker} due inside the caller's safe window ({@case.CallbackWindow ?? "any time"})");
        await db.SaveChangesAsync();
    }
}
