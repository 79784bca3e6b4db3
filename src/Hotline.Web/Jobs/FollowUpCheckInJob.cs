using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// A check-in on the pathway's follow-up cadence. Puts a callback on the operator board, but only inside
/// the caller's safe-contact window: outside it, the check-in's row moves to the window's next opening (and the job with
/// it). The row (<see cref="FollowUpCheckIn"/>) is the promise: the sweep runs one that is due and unsettled.
/// </summary>
public sealed class FollowUpCheckInJob(
    HotlineDbContext db, Audit audit, Flow flow, IBackgroundJobClient jobs, TimeProvider clock, ILogger<FollowUpCheckInJob> log)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [30, 120, 600, 1800, 3600])]
    public async Task RunAsync(Guid caseId, int checkIn)
    {
        var now = clock.GetUtcNow();
        // Several rows only when two first referrals raced; promised before this change: none, and the audit marker decides.
        var rows = await db.FollowUpCheckIns.Where(f => f.CaseId == caseId && f.Number == checkIn && f.SettledAt == null).ToListAsync();
        if (rows.Count > 0 && rows.Min(r => r.DueAt) > now) return; // moved later: that run, or the sweep, does it

        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId);
        var marker = $"Check-in {checkIn + 1}";
        // No consented callback means no check-in call: contacting the caller unasked could endanger them.
        if (@case is null || @case.Status == CaseStatus.Closed || @case.CallbackAllowed != true
            || await db.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Action == "followup.due" && a.Detail!.StartsWith(marker + " ")))
        {
            await SettleAsync(rows, now);
            return;
        }

        var safe = flow.NextCallbackTime(@case.CallbackWindow, now);
        if (safe > now)
        {
            foreach (var row in rows) row.DueAt = safe;
            await db.SaveChangesAsync();
            void Later() => jobs.Schedule<FollowUpCheckInJob>(j => j.RunAsync(caseId, checkIn), safe);
            // With a row the sweep keeps it if the job store refuses; without one (promised before rows) Hangfire's retry must.
            if (rows.Count > 0) JobHandOff.Try(log, "follow-up check-in", caseId, Later);
            else Later();
            return;
        }
        @case.CallbackDue = true;
        @case.CallbackDueAt = now;
        @case.UpdatedAt = now;
        audit.Record("followup.due", caseId, $"{marker} due inside the caller's safe window ({@case.CallbackWindow ?? "any time"})");
        await SettleAsync(rows, now);
    }

    private async Task SettleAsync(List<FollowUpCheckIn> rows, DateTimeOffset now)
    {
        foreach (var row in rows) row.SettledAt = now;
        await db.SaveChangesAsync();
    }
}
