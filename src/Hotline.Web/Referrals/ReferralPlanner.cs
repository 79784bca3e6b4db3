using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// Creates referral rows and, once they are saved, the jobs that keep their promises (delivery,
/// acknowledgement deadline, follow-ups). Shared by the pathway, the console desk and escalation.
/// </summary>
public sealed class ReferralPlanner(HotlineDbContext db, IBackgroundJobClient jobs, TimeProvider clock, PathwayPolicy policy)
{
    public async Task<IReadOnlyList<AgencyMatch>> RankAsync(Case @case, AgencyType type, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Active && a.Type == type).ToListAsync(ct);
        return Rank(agencies.Select(a => a.ToListing()).ToList(), @case, type);
    }

    /// <summary>Every active agency of the directory, of all types: load once, then <see cref="Rank"/> per requirement.</summary>
    public async Task<IReadOnlyList<AgencyListing>> ActiveListingsAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Active).ToListAsync(ct);
        return agencies.Select(a => a.ToListing()).ToList();
    }

    /// <summary>The agencies of <paramref name="type"/> among <paramref name="listings"/>, best first for the case (the matcher keeps active ones of that type only).</summary>
    public IReadOnlyList<AgencyMatch> Rank(IReadOnlyList<AgencyListing> listings, Case @case, AgencyType type) =>
        AgencyMatcher.Match(listings, type, @case.Jurisdiction, @case.Language, clock.GetUtcNow(), @case.Urgency);

    public Referral Create(Case @case, Guid agencyId, ReferralRequirement requirement, string createdBy, Guid? escalatedFrom = null)
    {
        var now = clock.GetUtcNow();
        var referral = new Referral
        {
            Id = Guid.NewGuid(),
            CaseId = @case.Id,
            AgencyId = agencyId,
            Mandatory = requirement.Mandatory,
            ConsentBasis = requirement.ConsentBasis,
            DataLevel = requirement.DataLevel.ToString(),
            RuleId = requirement.RuleId,
            Reason = requirement.Reason,
            CreatedBy = createdBy,
            CreatedAt = now,
            AcknowledgeBy = now + requirement.AcknowledgeWithin,
            EscalatedFromId = escalatedFrom,
        };
        db.Referrals.Add(referral);
        var machine = CaseMachine.Create(() => @case.Status, s => @case.Status = s);
        if (machine.CanFire(CaseTrigger.ReferralSent)) machine.Fire(CaseTrigger.ReferralSent);
        @case.UpdatedAt = now;
        return referral;
    }

    /// <summary>Call after SaveChanges, so a job that starts at once finds the row.</summary>
    public void Schedule(Referral referral, bool firstReferralOfCase)
    {
        jobs.Enqueue<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0));
        if (referral.AcknowledgeBy is { } due)
            jobs.Schedule<ReferralDeadlineJob>(j => j.RunAsync(referral.Id), due);
        if (!firstReferralOfCase) return;
        var now = clock.GetUtcNow();
        for (var i = 0; i < policy.FollowUpCadence.Count; i++)
        {
            var checkIn = i;
            jobs.Schedule<FollowUpCheckInJob>(j => j.RunAsync(referral.CaseId, checkIn), now + policy.FollowUpCadence[i]);
        }
    }
}
