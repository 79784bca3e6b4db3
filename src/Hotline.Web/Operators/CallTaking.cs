using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;

namespace Hotline.Web.Operators;

/// <summary>
/// Connects a queued caller to an operator: claims the call first so two operators cannot both take it, moves the
/// caller into their contact's conference, then dials the advocate in. If the advocate's leg cannot be placed, the
/// caller goes back to the front of the queue: never alone in a conference.
/// </summary>
public sealed class CallTaking(
    HotlineDbContext db, ITwilioRestClient twilio, TimeProvider clock, Audit audit, Hotline.Core.Flows.Flow flow, LiveCallUrls urls,
    AdvocateLegs advocates, CallerRequeue requeue, ILogger<CallTaking> log)
{
    /// <returns>Problem null when connected (CaseId is then the caller's case), otherwise a message fit to show the operator.</returns>
    public async Task<(string? Problem, Guid CaseId)> TakeAsync(
        Guid contactId, HotlineUser op, CancellationToken ct, AdvocateDevice device = AdvocateDevice.Phone)
    {
        if (device == AdvocateDevice.Phone && string.IsNullOrWhiteSpace(op.OperatorPhone))
        {
            return (
                "Your account has no operator phone, so the call cannot be put through. Ask an admin to add one on the Users page.",
                Guid.Empty);
        }
        var contact = await db.Contacts.Include(c => c.Case).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null || contact.State != ContactState.Queued)
            return ("This caller is no longer waiting: another operator took the call or the caller hung up.", Guid.Empty);

        var now = clock.GetUtcNow();
        contact.State = ContactState.WithOperator;
        contact.AnsweredAt = now;
        contact.AnsweredBy = op.Id;
        contact.LastActivityAt = now;
        try
        {
            await db.SaveChangesAsync(ct); // the xmin token makes this the claim
        }
        catch (DbUpdateConcurrencyException)
        {
            return ("Another operator took this call a moment ago.", Guid.Empty);
        }

        try
        {
            var joins = ConferenceTwiml.CallerJoins(contact.Id, flow.LanguageOrDefault(contact.Language), urls);
            var twiml = new Twilio.Types.Twiml(joins.ToString());
            // An empty answer makes the SDK return null instead of throwing: that is no answer, not a success.
            _ = await CallResource.UpdateAsync(pathSid: contact.ExternalId, twiml: twiml, client: twilio)
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            log.LogWarning(e, "Putting call {ContactId} through to an operator failed: {Failure}", contactId, TwilioFailures.Classify(e));
            await PutBackInQueueAsync(contact, op.Id);
            return (TwilioFailures.ForTakingACall(e, flow.BackupLine), Guid.Empty);
        }

        // The caller now hears the hold message and music in their room until the advocate's leg starts it.
        if (await advocates.JoinAsync(contact.Id, op, device, ct) is { } legProblem)
        {
            var back = await requeue.RequeueAsync(contact.Id, $"Putting the call through to {op.DisplayName} failed: {legProblem}",
                CancellationToken.None);
            return (legProblem + (back ? " The caller is back at the front of the queue." : ""), Guid.Empty);
        }

        var @case = contact.Case;
        var planned = CaseMachine.Apply(
            @case.Status == CaseStatus.Intake ? CaseMachine.Apply(@case.Status, CaseTrigger.IntakeCompleted).To : @case.Status,
            CaseTrigger.OperatorTook);
        var outcome = planned.Succeeded ? "now " + planned.To : "stays " + planned.From;
        audit.Record("call.take", @case.Id, $"contact {contact.Id}; case {outcome}");
        // The call is already put through: a webhook writing the case meanwhile (its row version) must not turn
        // that into an error page. Re-read the case and apply the take again.
        for (var attempt = 1; ; attempt++)
        {
            // A caller can reach the queue before intake is marked complete; triage follows either way.
            if (@case.Status == CaseStatus.Intake) @case.Status = CaseMachine.Apply(@case.Status, CaseTrigger.IntakeCompleted).To;
            var took = CaseMachine.Apply(@case.Status, CaseTrigger.OperatorTook);
            if (took.Succeeded) @case.Status = took.To;
            @case.AssignedOperatorId = op.Id;
            @case.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return (null, @case.Id);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                await db.Entry(@case).ReloadAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Twilio did not put the call through: the caller is still waiting, so the claim is undone. If the contact
    /// moved on meanwhile (the caller hung up and the status callback wrote it), what was stored stands.
    /// </summary>
    private async Task PutBackInQueueAsync(Contact contact, string operatorId)
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            contact.State = ContactState.Queued;
            contact.AnsweredAt = null;
            contact.AnsweredBy = null;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Entry(contact).ReloadAsync(CancellationToken.None);
                if (contact.State != ContactState.WithOperator || contact.AnsweredBy != operatorId) return;
            }
        }
        log.LogError("Could not put call {ContactId} back in the queue after a failed take: it kept changing", contact.Id);
    }
}
