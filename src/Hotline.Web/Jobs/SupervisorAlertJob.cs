using Hangfire;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>Tells the supervisor at once about a crisis case. The notification key makes it once per case.</summary>
public sealed class SupervisorAlertJob(HotlineDbContext db, SupervisorAlerts alerts)
{
    public const string Crisis = "crisis";

    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600])]
    [Queue("critical")]
    public async Task RunAsync(Guid caseId, string reason)
    {
        var @case = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId);
        if (@case is null) return;
        var text =
            $"Hotline CRISIS case {@case.Reference} ({@case.Jurisdiction ?? "location unknown"}): needs a supervisor now. Open the " +
            $"console.";
        await alerts.SendOnceAsync($"case:{caseId}:supervisor:{reason}", text, caseId, null, CancellationToken.None);
    }
}
