using Hangfire;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Runs at a referral's acknowledgement deadline. If the agency answered in time it does nothing; otherwise
/// the referral expires, the next agency on the ladder gets a new referral and the supervisor is told.
/// </summary>
public sealed class ReferralDeadlineJob(
    HotlineDbContext db, ReferralLifecycle lifecycle, ReferralPlanner planner, SupervisorAlerts alerts, Audit audit, PathwayPolicy policy,
        TimeProvider clock)
{
    [AutomaticRetry(Attempts = 10, DelaysInSeconds = [5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600])]
    [Queue("critical")]
    public async Task RunAsync(Guid referralId)
    {
        var referral = await db.Referrals.Include(r => r.Agency).Include(r => r.Case).ThenInclude(c => c.Referrals)
            .ThenInclude(r => r.Agency)
            .FirstOrDefaultAsync(r => r.Id == referralId);
        if (referral is null || referral.AcknowledgeBy is not { } due || due > clock.GetUtcNow()) return;

        (Referral Referral, string AgencyName)? next = null;
        if (lifecycle.Apply(referral, ReferralTrigger.DeadlinePassed, "system", "deadline",
                $"{referral.Agency.Name} did not acknowledge by {due:u}").Changed)
        {
            next = await EscalateAsync(referral);
            await db.SaveChangesAsync();
            if (next is not null) planner.Schedule(next.Value.Referral, firstReferralOfCase: false);
        }
        else if (referral.Status != ReferralStatus.Expired)
        {
            return; // acknowledged (or answered) in time: the promise was kept
        }

        // Also reached when a previous run expired the referral but the SMS failed: the alert is still owed.
        // On a retry the escalation was made by the earlier run: name the agency it went to.
        var nextName = next?.AgencyName ?? referral.Case.Referrals.FirstOrDefault(r => r.EscalatedFromId == referral.Id)?.Agency?.Name;
        var text =
            $"Hotline case {referral.Case.Reference}: {referral.Agency.Name} did not acknowledge its " +
            $"{PathwayPolicy.AgencyWords(referral.Agency.Type)} referral in time. "
            + (nextName is null ? "No agency left on the ladder: please call their on-call contact." : $"Escalated to {nextName}.");
        await alerts.SendOnceAsync($"referral:{referralId}:expired:supervisor", text, referral.CaseId, referralId, CancellationToken.None);
    }

    /// <summary>The next agency on the ladder, referred; null when the rule or the ladder ends here.</summary>
    private async Task<(Referral Referral, string AgencyName)?> EscalateAsync(Referral expired)
    {
        var rule = policy.Definition.Rules.FirstOrDefault(r => r.Id == expired.RuleId);
        var rungs = rule?.Escalation ?? [EscalationRung.NextAgencySameType, EscalationRung.OnCallSupervisor];
        if (!rungs.Contains(EscalationRung.NextAgencySameType)) return null;

        var type = expired.Agency.Type;
        var ranked = (await planner.RankAsync(expired.Case, type, CancellationToken.None)).Select(m => m.Agency).ToList();
        var tried = expired.Case.Referrals.Where(r => r.Agency is not null && r.Agency.Type == type).Select(r => r.AgencyId);
        if (EscalationLadder.Next(ranked, tried) is not { } agency)
        {
            audit.Record(
                "referral.ladder-exhausted", expired.CaseId,
                $"No other {PathwayPolicy.AgencyWords(type)} agency left; supervisor takes over", expired.Id);
            return null;
        }
        var requirement = new ReferralRequirement(expired.RuleId, type, expired.Mandatory, expired.ConsentBasis,
            Enum.Parse<DataLevel>(expired.DataLevel), rule?.AcknowledgeWithin ?? TimeSpan.FromHours(24), expired.Reason);
        var next = planner.Create(expired.Case, agency.Id, requirement, "system", expired.Id);
        audit.Record(
            "referral.escalate", expired.CaseId, $"{expired.Agency.Name} missed its deadline; escalated to {agency.Name}", next.Id);
        return (next, agency.Name);
    }
}
