using Hangfire;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Safety net for the end of intake: a case whose intake ended but whose pathway never ran (no triage
/// deadline set) is evaluated now. Covers a node that died between the caller's commit and the job hand-off.
/// </summary>
public sealed class PathwaySweepJob(HotlineDbContext db, IntakeEndedJob intakeEnded, TimeProvider clock)
{
    public const string Id = "pathway-sweep";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync()
    {
        // Give the normal hand-off a minute before stepping in.
        var before = clock.GetUtcNow().AddMinutes(-1);
        var missed = await db.Cases
            .Where(c => c.TriageDueAt == null && c.Status != CaseStatus.Intake && c.Status != CaseStatus.Closed && c.UpdatedAt < before)
            .Select(c => c.Id).Take(200).ToListAsync();
        foreach (var id in missed) await intakeEnded.RunAsync(id, CancellationToken.None);
    }
}
