using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// The advocate's leg failed (busy, no answer, refused, hung up before anyone else came): the caller must not be
/// left alone in a conference. Their call goes back into the queue, and the contact is queued again with its first
/// EnqueuedAt, which puts it at the front of the board's list (ordered by when a caller first queued).
/// </summary>
public sealed class CallerRequeue(
    HotlineDbContext db, ITwilioRestClient twilio, Flow flow, LiveCallUrls urls, TimeProvider clock, ILogger<CallerRequeue> log)
{
    /// <returns>True when the caller is back in the queue; false when Twilio says the call is over or could not be reached.</returns>
    public async Task<bool> RequeueAsync(Guid contactId, string reason, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null || contact.State != ContactState.WithOperator) return false;
        try
        {
            var twiml = ConferenceTwiml.BackToQueue(flow, flow.LanguageOrDefault(contact.Language), urls);
            _ = await CallResource.UpdateAsync(pathSid: contact.ExternalId, twiml: new Twilio.Types.Twiml(twiml.ToString()), client: twilio)
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            // Nothing more can be done from here: the caller hung up, or Twilio is unreachable (the caller's own
            // endConferenceOnExit still ends the room when they hang up). The board shows the failed leg.
            log.LogWarning(e, "Could not put contact {ContactId} back in the queue: {Failure}", contactId, TwilioFailures.Classify(e));
            return false;
        }
        var now = clock.GetUtcNow();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            if (contact.State != ContactState.WithOperator) break; // the final status arrived meanwhile: it stands
            contact.State = ContactState.Queued;
            contact.AnsweredAt = null;
            contact.AnsweredBy = null;
            contact.LastQueuePollAt = now; // alive now: the queue reconciliation must not take it for a silent caller
            contact.LastActivityAt = now;
            foreach (var leg in await db.Set<LiveCallLeg>().Where(l => l.ContactId == contactId && l.Role == LegRole.Caller
                && (l.State == LegState.Calling || l.State == LegState.Joined)).ToListAsync(CancellationToken.None))
            {
                leg.State = LegState.Left;
                leg.LeftAt ??= now;
            }
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Actor = "system", ActorName = "system", Action = "call.requeue", CaseId = contact.CaseId,
                Detail = reason + " The caller went back to the front of the queue.",
            });
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                contact = await db.Contacts.SingleAsync(c => c.Id == contactId, CancellationToken.None);
            }
        }
        return true;
    }
}
