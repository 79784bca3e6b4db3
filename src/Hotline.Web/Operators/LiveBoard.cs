using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>Reads the board: who is waiting, which callbacks are owed, what is open and what is late. Crisis first everywhere.</summary>
public sealed class LiveBoard(HotlineDbContext db, TimeProvider clock)
{
    public async Task<BoardView> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.Contacts.AsNoTracking()
            .Where(c => c.State == ContactState.Queued)
            .Select(c => new WaitingCaller(c.Id, c.CaseId, c.Case.Reference, c.Channel, c.Language, c.EnqueuedAt ?? c.StartedAt,
                c.Case.Urgency, c.Case.ImminentDanger == true, c.Case.ChildInvolved == true, c.Case.CallbackAllowed))
            .ToListAsync(ct);

        var callbacks = await db.Cases.AsNoTracking()
            .Where(c => c.CallbackDue && c.Status != CaseStatus.Closed)
            .Select(c => new CallbackOwed(c.Id, c.Reference, c.CallbackDueAt, c.CallbackWindow, c.VoicemailAllowed, c.Urgency))
            .ToListAsync(ct);

        var open = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Intake)
            .OrderBy(c => c.Urgency).ThenBy(c => c.TriageDueAt).ThenBy(c => c.CreatedAt)
            .Take(100)
            .Select(c => new OpenCase(c.Id, c.Reference, c.Status, c.Urgency, c.ContactType, c.TriageDueAt,
                c.ImminentDanger == true, c.ChildInvolved == true,
                db.Users.Where(u => u.Id == c.AssignedOperatorId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

        var late = await db.Referrals.AsNoTracking()
            .Where(r => r.AcknowledgeBy < now && ReferralStatuses.AwaitingAgency.Contains(r.Status))
            .OrderBy(r => r.AcknowledgeBy)
            .Select(r => new LateReferral(r.CaseId, r.Case.Reference, r.Agency.Name, r.Status, r.AcknowledgeBy!.Value))
            .ToListAsync(ct);

        var unresolved = await Referrals.UnresolvedReferrals.Query(db).AsNoTracking()
            .OrderBy(r => r.ExpiredAt).Take(50)
            .Select(r => new UnresolvedReferralRow(r.CaseId, r.Case.Reference, r.Agency.Name, r.Agency.Type, r.ExpiredAt))
            .ToListAsync(ct);

        return new BoardView(
            now,
            waiting.OrderByDescending(w => w.IsCrisis).ThenByDescending(w => w.ChildInvolved).ThenBy(w => w.WaitingSince).ToList(),
            callbacks.OrderBy(c => c.Urgency).ThenBy(c => c.DueAt).ToList(),
            open.OrderByDescending(o => o.IsCrisis).ThenBy(o => o.Urgency).ThenBy(o => o.TriageDueAt ?? DateTimeOffset.MaxValue).ToList(),
            late) { UnresolvedReferrals = unresolved };
    }
}
