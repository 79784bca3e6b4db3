using Hangfire;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Runs when a case's triage deadline passes. If no operator has taken the case yet, it is marked overdue,
/// its urgency goes up one step and the supervisor is told. Otherwise nothing.
/// </summary>
public sealed class TriageDeadlineJob(HotlineDbContext db, Audit audit, SupervisorAlerts alerts, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600])]
    [Queue("critical")]
    public async Task RunAsync(Guid caseId)
    {
        var @case = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId);
        if (@case is null || @case.Status is not (CaseStatus.Intake or CaseStatus.AwaitingTriage)) return;
        // Rescheduled to an earlier or later deadline: the run for that time does the work.
        if (@case.TriageDueAt is not { } due || due > clock.GetUtcNow()) return;
        if (!@case.TriageOverdue)
        {
            var before = @case.Urgency;
            @case.TriageOverdue = true;
            if (@case.Urgency > Urgency.Crisis) @case.Urgency--;
            @case.UpdatedAt = clock.GetUtcNow();
            audit.Record("case.triage-overdue", caseId, $"Not triaged by {due:u}: urgency {before} -> {@case.Urgency}");
            await db.SaveChangesAsync();
        }
        await alerts.SendOnceAsync(
            $"case:{caseId}:triage-overdue",
            $"Hotline case {@case.Reference} was not triaged in time; now {@case.Urgency}. Please assign an operator.",
            caseId, null, CancellationToken.None);
    }
}
