using Hangfire;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// Applies the pathway to one case: urgency and triage deadline, the referrals the law requires, the
/// supervisor alert for a crisis. Idempotent, so intake end and every reclassification may call it.
/// </summary>
public sealed class CasePathway(
    HotlineDbContext db, PathwayPolicy policy, ReferralPlanner planner, Audit audit, IBackgroundJobClient jobs, TimeProvider clock,
    ILogger<CasePathway> log)
{
    public async Task EvaluateAsync(Guid caseId, string actor, CancellationToken ct)
    {
        // Idempotent, so a lost race (a colleague classified the same case at the same moment) is simply
        // evaluated again on the fresh case rather than failing the operator's request.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EvaluateOnceAsync(caseId, actor, ct);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task EvaluateOnceAsync(Guid caseId, string actor, CancellationToken ct)
    {
        var @case = await db.Cases.Include(c => c.Referrals).ThenInclude(r => r.Agency).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new InvalidOperationException($"Case {caseId} does not exist");
        var decision = policy.Decide(@case.ToProfile());
        var now = clock.GetUtcNow();

        // A triage deadline already missed raised the urgency on purpose: the pathway must not lower it again.
        @case.Urgency = @case.TriageOverdue && @case.Urgency < decision.Urgency ? @case.Urgency : decision.Urgency;
        var triageDue = now + policy.TriageDeadline(@case.Urgency);
        var rescheduleTriage = @case.TriageDueAt is null || triageDue < @case.TriageDueAt;
        if (rescheduleTriage) @case.TriageDueAt = triageDue;

        var created = new List<Referral>();
        var hadReferrals = @case.Referrals.Count > 0;
        // Escalated and answered referrals count too: the duty to tell this type of agency was met once.
        var alreadyTold = @case.Referrals.Where(r => r.Mandatory).Select(r => r.Agency.Type).ToHashSet();
        IReadOnlyList<AgencyListing>? listings = null;
        foreach (var requirement in decision.Mandatory)
        {
            if (alreadyTold.Contains(requirement.AgencyType)) continue;
            listings ??= await planner.ActiveListingsAsync(ct);
            var best = planner.Rank(listings, @case, requirement.AgencyType) is [var first, ..] ? first : null;
            if (best is null)
            {
                audit.Record(
                    "referral.no-agency", caseId,
                    $"{requirement.Reason}; but the directory has no active {PathwayPolicy.AgencyWords(requirement.AgencyType)} agency " +
                    $"for {@case.Jurisdiction ?? "an unknown jurisdiction"}", actor: actor);
                continue;
            }
            var referral = planner.Create(@case, best.Agency.Id, requirement, actor);
            audit.Record("referral.mandatory", caseId, $"{requirement.Reason} -> {best.Agency.Name}", referral.Id, actor: actor);
            created.Add(referral);
        }

        var alertNow = decision.AlertSupervisorNow
            && !await db.AuditEntries.AnyAsync(a => a.CaseId == caseId && a.Action == "supervisor.alert.crisis", ct);
        if (alertNow) audit.Record("supervisor.alert.crisis", caseId, string.Join("; ", decision.Reasons), actor: actor);
        if (!hadReferrals && created.Count > 0) planner.PromiseFollowUps(@case);
        await db.SaveChangesAsync(ct);

        // Fast paths only: the sweep finds a passed triage deadline and a crisis alert recorded but not sent.
        if (rescheduleTriage)
        {
            JobHandOff.Try(
                log, "triage deadline", caseId, () => jobs.Schedule<TriageDeadlineJob>(j => j.RunAsync(caseId), triageDue));
        }
        if (alertNow)
        {
            JobHandOff.Try(
                log, "crisis alert", caseId, () => jobs.Enqueue<SupervisorAlertJob>(j => j.RunAsync(caseId, SupervisorAlertJob.Crisis)));
        }
        for (var i = 0; i < created.Count; i++) planner.Schedule(created[i], firstReferralOfCase: !hadReferrals && i == 0);
    }
}
