using Hangfire;
using Hotline.Web.Referrals;

namespace Hotline.Web.Jobs;

/// <summary>
/// A caller's intake ended (queued, voicemail, goodbye or abandoned): the pathway decides who must be told
/// (mandatory referrals, supervisor alerts, triage deadline). Idempotent.
/// </summary>
public sealed class IntakeEndedJob(CasePathway pathway)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [2, 5, 15, 30, 60, 120, 300, 600, 1200, 3600])]
    [Queue("critical")]
    public Task RunAsync(Guid caseId, CancellationToken ct) => pathway.EvaluateAsync(caseId, "system", ct);
}
