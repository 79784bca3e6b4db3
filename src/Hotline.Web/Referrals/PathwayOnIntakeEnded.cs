using Hotline.Web.Jobs;

namespace Hotline.Web.Referrals;

/// <summary>When a caller's intake ends, the pathway decides who must be told (mandatory referrals, alerts).</summary>
public sealed class PathwayOnIntakeEnded(CasePathway pathway) : IIntakeEndedHandler
{
    public Task IntakeEndedAsync(Guid caseId, CancellationToken ct) => pathway.EvaluateAsync(caseId, "system", ct);
}
