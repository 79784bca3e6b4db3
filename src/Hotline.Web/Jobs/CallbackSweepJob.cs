using Hangfire;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Safety net for callback promises: a callback is scheduled right after its case is committed, so a crash
/// in between could lose the job. Every minute this finds due callbacks not yet on the board and runs them.
/// </summary>
public sealed class CallbackSweepJob(HotlineDbContext db, CallbackDueJob due, TimeProvider clock)
{
    public const string Id = "callback-sweep";

    [AutomaticRetry(Attempts = 0)] // it runs again in a minute anyway
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync()
    {
        var now = clock.GetUtcNow();
        var overdue = await db.Cases
            .Where(c => c.CallbackAllowed == true && !c.CallbackDue && c.CallbackDueAt <= now && c.Status != CaseStatus.Closed)
            .Select(c => c.Id).Take(500).ToListAsync();
        foreach (var id in overdue) await due.RunAsync(id);
    }
}
