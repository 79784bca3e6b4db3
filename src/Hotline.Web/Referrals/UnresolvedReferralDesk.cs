using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// Records what a person did about a mandatory referral that reached a dead end (see <see cref="UnresolvedReferrals"/>).
/// Recording it is audited and takes the referral off the board and out of the repeating supervisor alert.
/// </summary>
public sealed class UnresolvedReferralDesk(
    HotlineDbContext db, ReferralPlanner planner, PathwayPolicy policy, Audit audit, TimeProvider clock)
{
    /// <summary>Active agencies a dead end of these types may be referred to instead, by name (any jurisdiction: a person
    /// chooses).</summary>
    public async Task<IReadOnlyList<Agency>> AlternativesAsync(IReadOnlyCollection<AgencyType> types, CancellationToken ct) =>
        types.Count == 0 ? []
            : await db.Agencies.AsNoTracking().Where(a => a.Active && types.Contains(a.Type)).OrderBy(a => a.Name).ToListAsync(ct);

    /// <returns>The new referral for a resend or a referral elsewhere; null for a hand-over by phone.</returns>
    public async Task<Referral?> RecordAsync(Guid caseId, Guid referralId, ReferralFollowUp action, Guid? agencyId, string? note,
        string actorId, string actorName, CancellationToken ct)
    {
        var referral = await db.Referrals.Include(r => r.Agency).Include(r => r.Case).ThenInclude(c => c.Referrals)
            .FirstOrDefaultAsync(r => r.Id == referralId && r.CaseId == caseId, ct)
            ?? throw new ReferralRefusedException("That referral does not exist.");
        if (!UnresolvedReferrals.IsUnresolved(referral, referral.Case.Referrals))
            throw new ReferralRefusedException("Someone already recorded what was done about this referral, or it is still being handled.");

        Referral? next = null;
        string detail;
        switch (action)
        {
            case ReferralFollowUp.Resend:
                if (!referral.Agency.Active)
                {
                    throw new ReferralRefusedException(
                        $"{referral.Agency.Name} is deactivated in the directory; refer to another agency or hand over by phone.");
                }
                next = Repeat(referral, referral.AgencyId, actorId);
                detail = $"Resent to {referral.Agency.Name}";
                break;
            case ReferralFollowUp.ReferElsewhere:
                var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId && a.Active, ct)
                    ?? throw new ReferralRefusedException("Choose an active agency from the directory to refer to.");
                next = Repeat(referral, agency.Id, actorId);
                detail = $"Referred to {agency.Name} instead of {referral.Agency.Name}";
                break;
            case ReferralFollowUp.HandedOverByPhone:
                if (string.IsNullOrWhiteSpace(note))
                    throw new ReferralRefusedException("Say in the note whom you spoke to and what they will do.");
                if (note.Length > 2000)
                    throw new ReferralRefusedException("Keep the note under 2,000 characters; add more as a case note.");
                // The note may name people: it lives with the case's (encrypted) notes, not in the audit log.
                db.CaseNotes.Add(new CaseNote
                {
                    Id = Guid.NewGuid(), CaseId = caseId, AuthorId = actorId, AuthorName = actorName, At = clock.GetUtcNow(),
                    Body = $"Handed over to {referral.Agency.Name} by phone: {note.Trim()}",
                });
                detail = $"Handed over to {referral.Agency.Name} by phone (see the case notes)";
                break;
            default:
                throw new ReferralRefusedException("Choose what was done: resend, refer to another agency or hand over by phone.");
        }

        referral.FollowedUpAt = clock.GetUtcNow();
        referral.FollowedUpBy = actorName;
        referral.FollowUp = action.ToString();
        audit.Record("referral.followed-up", caseId, detail, referral.Id, actorId, actorName);
        await db.SaveChangesAsync(ct);
        if (next is not null) planner.Schedule(next, firstReferralOfCase: false);
        return next;
    }

    /// <summary>The same duty (rule, basis, data level) to <paramref name="agencyId"/>, linked to the dead end it replaces.</summary>
    private Referral Repeat(Referral unresolved, Guid agencyId, string actorId)
    {
        var rule = policy.Definition.Rules.FirstOrDefault(r => r.Id == unresolved.RuleId);
        var requirement = new ReferralRequirement(unresolved.RuleId, unresolved.Agency.Type, unresolved.Mandatory, unresolved.ConsentBasis,
            Enum.Parse<DataLevel>(unresolved.DataLevel), rule?.AcknowledgeWithin ?? TimeSpan.FromHours(24), unresolved.Reason);
        return planner.Create(unresolved.Case, agencyId, requirement, actorId, unresolved.Id);
    }
}
