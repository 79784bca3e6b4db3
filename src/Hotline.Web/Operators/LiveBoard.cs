using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>
/// Reads the board: who is waiting, which callbacks are owed, what is open and what is late. Most urgent first
/// everywhere, ordered and limited in SQL: what is sorted after a limit can be the wrong rows.
/// </summary>
public sealed class LiveBoard(HotlineDbContext db, TimeProvider clock)
{
    /// <summary>Rows per small panel; the open cases get more room.</summary>
    public const int PanelSize = 20;
    public const int OpenCasesShown = 50;

    public async Task<BoardView> ReadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var waitingQuery = BoardLists.CallersWaiting(db.Contacts.AsNoTracking());
        var waiting = await waitingQuery
            .OrderByDescending(c => c.Case.ImminentDanger == true || c.Case.Urgency == Urgency.Crisis)
            .ThenByDescending(c => c.Case.ChildInvolved == true)
            .ThenBy(c => c.EnqueuedAt ?? c.StartedAt)
            .Take(PanelSize)
            .Select(c => new WaitingCaller(c.Id, c.CaseId, c.Case.Reference, c.Channel, c.Language, c.EnqueuedAt ?? c.StartedAt,
                c.Case.Urgency, c.Case.ImminentDanger == true, c.Case.ChildInvolved == true, c.Case.CallbackAllowed))
            .ToListAsync(ct);

        var callbacksQuery = BoardLists.CallbacksDue(db.Cases.AsNoTracking());
        var callbacks = await callbacksQuery
            .OrderBy(CaseRank.Of).ThenBy(c => c.CallbackDueAt)
            .Take(PanelSize)
            .Select(c => new CallbackOwed(c.Id, c.Reference, c.CallbackDueAt,
                new SafeContact(c.SafeToTalk, c.CallbackAllowed, c.CallbackWindow, c.VoicemailAllowed, null), c.Urgency))
            .ToListAsync(ct);

        var openQuery = BoardLists.Open(db.Cases.AsNoTracking());
        var open = await openQuery
            .OrderBy(CaseRank.Of).ThenBy(c => c.CreatedAt)
            .Take(OpenCasesShown)
            .Select(c => new OpenCase(c.Id, c.Reference, c.Status, c.Urgency, c.ContactType, c.TriageDueAt,
                c.ImminentDanger == true, c.ChildInvolved == true,
                db.Users.Where(u => u.Id == c.AssignedOperatorId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(ct);

        var lateQuery = db.Referrals.AsNoTracking().Where(r => r.AcknowledgeBy < now && ReferralStatuses.AwaitingAgency.Contains(r.Status));
        var late = await lateQuery
            .OrderBy(r => r.AcknowledgeBy)
            .Take(PanelSize)
            .Select(r => new LateReferral(r.CaseId, r.Case.Reference, r.Agency.Name, r.Status, r.AcknowledgeBy!.Value))
            .ToListAsync(ct);

        // One query on the partial index of AwaitingReplySince (only waiting conversations are in it), oldest first.
        var conversationsQuery = db.Contacts.AsNoTracking().Where(c => c.AwaitingReplySince != null);
        var conversations = await conversationsQuery
            .OrderBy(c => c.AwaitingReplySince)
            .Take(PanelSize)
            .Select(c => new WaitingConversation(c.Id, c.CaseId, c.Case.Reference, c.Channel, c.Language, c.AwaitingReplySince!.Value,
                db.Users.Where(u => u.Id == c.AnsweredBy && c.State == ContactState.WithOperator).Select(u => u.DisplayName)
                    .FirstOrDefault(),
                c.Case.Urgency, c.Case.ImminentDanger == true, c.Case.ChildInvolved == true))
            .ToListAsync(ct);

        var unresolvedQuery = Referrals.UnresolvedReferrals.Query(db).AsNoTracking();
        var unresolved = await unresolvedQuery
            .OrderBy(r => r.ExpiredAt).Take(PanelSize)
            .Select(r => new UnresolvedReferralRow(r.CaseId, r.Case.Reference, r.Agency.Name, r.Agency.Type, r.ExpiredAt))
            .ToListAsync(ct);

        // Counted only when a panel is full: the usual board costs no extra round trip.
        return new BoardView(
            now,
            new(waiting, waiting.Count < PanelSize ? waiting.Count : await waitingQuery.CountAsync(ct)),
            new(callbacks, callbacks.Count < PanelSize ? callbacks.Count : await callbacksQuery.CountAsync(ct)),
            new(open, open.Count < OpenCasesShown ? open.Count : await openQuery.CountAsync(ct)),
            new(late, late.Count < PanelSize ? late.Count : await lateQuery.CountAsync(ct)))
        {
            UnresolvedReferrals = new(
                unresolved, unresolved.Count < PanelSize ? unresolved.Count : await unresolvedQuery.CountAsync(ct)),
            Conversations = new(
                conversations, conversations.Count < PanelSize ? conversations.Count : await conversationsQuery.CountAsync(ct)),
        };
    }
}
