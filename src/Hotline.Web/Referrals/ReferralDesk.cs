using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>The console's referral actions: what the pathway suggests, operator-confirmed sends, resends.</summary>
public sealed class ReferralDesk(
    HotlineDbContext db, PathwayPolicy policy, ReferralPlanner planner, Audit audit, TimeProvider clock)
{
    private static readonly ReferralStatus[] Finished = [ReferralStatus.Declined, ReferralStatus.Expired, ReferralStatus.Closed];

    public async Task<IReadOnlyList<ReferralSuggestion>> SuggestAsync(Guid caseId, CancellationToken ct) =>
        await SuggestAsync(await LoadCaseAsync(caseId, ct), ct);

    /// <param name="case">The case with its referrals loaded.</param>
    public async Task<IReadOnlyList<ReferralSuggestion>> SuggestAsync(Case @case, CancellationToken ct)
    {
        var decision = policy.Decide(@case.ToProfile());
        var referred = @case.Referrals.Select(r => r.AgencyId).ToHashSet();
        var suggestions = new List<ReferralSuggestion>();
        var requirements = decision.Mandatory.Concat(decision.Suggested).ToList();
        if (requirements.Count == 0) return suggestions;
        var listings = await planner.ActiveListingsAsync(ct);
        foreach (var requirement in requirements)
        {
            foreach (var match in planner.Rank(listings, @case, requirement.AgencyType))
            {
                suggestions.Add(new ReferralSuggestion(match.Agency.Id, match.Agency.Name, requirement.AgencyType, requirement.Mandatory,
                    requirement.ConsentBasis, requirement.DataLevel.ToString(), requirement.Reason, referred.Contains(match.Agency.Id),
                        match.OpenNow));
            }
        }
        return suggestions;
    }

    public async Task<Referral> SendAsync(Guid caseId, Guid agencyId, string actorId, string actorName, CancellationToken ct)
    {
        var @case = await LoadCaseAsync(caseId, ct);
        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw new ReferralRefusedException("That agency is not in the directory.");
        if (!agency.Active)
            throw new ReferralRefusedException($"{agency.Name} is deactivated in the directory and takes no referrals.");
        if (@case.Referrals.Any(r => r.AgencyId == agencyId && !Finished.Contains(r.Status)))
            throw new ReferralRefusedException($"Case {@case.Reference} already has an open referral to {agency.Name}.");

        var decision = policy.Decide(@case.ToProfile());
        var requirement = decision.Mandatory.Concat(decision.Suggested).FirstOrDefault(r => r.AgencyType == agency.Type)
            ?? WithConsent(@case, agency.Type)
            ?? throw new ReferralRefusedException(
                $"No consent to share is recorded for case {@case.Reference}, and the pathway does not allow a referral to " +
                    $"{PathwayPolicy.AgencyWords(agency.Type)} without it. Record the caller's consent first.");

        var first = @case.Referrals.Count == 0;
        var referral = planner.Create(@case, agencyId, requirement, actorId);
        if (first) planner.PromiseFollowUps(@case);
        audit.Record(
            "referral.create", caseId, $"{requirement.Reason} -> {agency.Name} (confirmed by {actorName})", referral.Id, actorId,
            actorName);
        await db.SaveChangesAsync(ct);
        planner.Schedule(referral, first);
        return referral;
    }

    public async Task ResendAsync(Guid referralId, string actorId, string actorName, CancellationToken ct)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct)
            ?? throw new ReferralRefusedException("That referral does not exist.");
        if (!referral.Status.IsAwaitingAgency())
        {
            throw new ReferralRefusedException(
                $"This referral is {referral.Status.ToString().ToLowerInvariant()}; only one still waiting for the agency can be sent " +
                $"again.");
        }
        // A fresh idempotency round: the first notification stays recorded as sent, the resend is its own.
        referral.ResendCount++;
        var round = referral.ResendCount;
        referral.DeliveryClaimedUntil = clock.GetUtcNow() + DeliveryLease.AfterCommit; // the sweep delivers it if the job is lost
        audit.Record("referral.resend", referral.CaseId, $"Resend {round} requested by {actorName}", referral.Id, actorId, actorName);
        await db.SaveChangesAsync(ct);
        planner.ScheduleResend(referralId, round);
    }

    /// <summary>An operator may refer to any agency type once the caller consented; the pathway only adds duties.</summary>
    private ReferralRequirement? WithConsent(Case @case, AgencyType type) =>
        @case.ConsentToShare == true
            ? new ReferralRequirement("operator-consented", type, false, ConsentBasis.Consented, DataLevel.Full, TimeSpan.FromHours(24),
                $"Caller consented to sharing: referral to {PathwayPolicy.AgencyWords(type)} chosen by the operator")
            {
                Escalation = [EscalationRung.NextAgencySameType, EscalationRung.OnCallSupervisor],
            }
            : null;

    private async Task<Case> LoadCaseAsync(Guid caseId, CancellationToken ct) =>
        await db.Cases.Include(c => c.Referrals).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new ReferralRefusedException("That case does not exist.");
}
