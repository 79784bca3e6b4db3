using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// Creates referral rows and, once they are saved, hands their promises (delivery, acknowledgement deadline,
/// follow-ups) to Hangfire as a fast path. The row is the promise: if the hand-off fails or the node dies first,
/// <see cref="PromiseSweepJob"/> finds the undelivered round or the passed deadline on the row and keeps it.
/// Shared by the pathway, the console desk, escalation and follow-ups.
/// </summary>
public sealed class ReferralPlanner(
    HotlineDbContext db, IBackgroundJobClient jobs, TimeProvider clock, PathwayPolicy policy, ILogger<ReferralPlanner> log)
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

    /// <summary>The agencies of <paramref name="type"/> among <paramref name="listings"/>, best first for the case (the matcher keeps
    /// active ones of that type only).</summary>
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
            // Held by the job handed over after the commit; the sweep takes it over if that never runs.
            DeliveryClaimedUntil = now + DeliveryLease.AfterCommit,
        };
        db.Referrals.Add(referral);
        var machine = CaseMachine.Create(() => @case.Status, s => @case.Status = s);
        if (machine.CanFire(CaseTrigger.ReferralSent)) machine.Fire(CaseTrigger.ReferralSent);
        @case.UpdatedAt = now;
        return referral;
    }

    /// <summary>
    /// The follow-up check-ins a case's first referral promises, as rows: call before SaveChanges, so they commit with the
    /// referral. <see cref="Schedule"/> then hands them to Hangfire; the sweep runs any that come due unsettled.
    /// </summary>
    public void PromiseFollowUps(Case @case)
    {
        var now = clock.GetUtcNow();
        for (var i = 0; i < policy.FollowUpCadence.Count; i++)
        {
            db.FollowUpCheckIns.Add(new FollowUpCheckIn
            {
                Id = Guid.NewGuid(), CaseId = @case.Id, Number = i, DueAt = now + policy.FollowUpCadence[i], CreatedAt = now,
            });
        }
    }

    /// <summary>Call after SaveChanges, so a job that starts at once finds the row. Never throws: the row is the promise.</summary>
    public void Schedule(Referral referral, bool firstReferralOfCase)
    {
        HandOver(referral.Id, "delivery", () => jobs.Enqueue<ReferralDeliveryJob>(j => j.RunAsync(referral.Id, 0)));
        if (referral.AcknowledgeBy is { } due)
            HandOver(referral.Id, "deadline", () => jobs.Schedule<ReferralDeadlineJob>(j => j.RunAsync(referral.Id), due));
        if (!firstReferralOfCase) return;
        var now = clock.GetUtcNow();
        for (var i = 0; i < policy.FollowUpCadence.Count; i++)
        {
            var checkIn = i;
            var at = now + policy.FollowUpCadence[i];
            HandOver(referral.Id, "follow-up", () => jobs.Schedule<FollowUpCheckInJob>(j => j.RunAsync(referral.CaseId, checkIn), at));
        }
    }

    /// <summary>A resend round, after its ResendCount was saved. Never throws: the sweep delivers an owed round.</summary>
    public void ScheduleResend(Guid referralId, int round) =>
        HandOver(referralId, "resend", () => jobs.Enqueue<ReferralDeliveryJob>(j => j.RunAsync(referralId, round)));

    private void HandOver(Guid referralId, string promise, Action handOver) => JobHandOff.Try(log, promise, referralId, handOver);
}
