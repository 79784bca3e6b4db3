using Hotline.Core.Callbacks;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.TwiML;

namespace Hotline.Web.Telephony.Callbacks;

/// <summary>
/// What Twilio tells us about a callback, and what the service does about it: a person is joined with the advocate in
/// the call's conference; a machine is hung up on, or left only the flow's neutral message where the caller allowed a
/// voicemail; a call that ends unanswered is recorded as such. Each outcome is written once (a retried callback changes
/// nothing) and the pathway's retry rule is then applied by <see cref="CallbackSettleJob"/>.
/// </summary>
public sealed class CallbackAnswers(
    HotlineDbContext db, ITwilioRestClient twilio, Flow flow, AdvocateLegs legs, LiveCallUrls urls, TimeProvider clock,
    PromiseDispatcher promises, ILogger<CallbackAnswers> log)
{
    /// <summary>Twilio's answering-machine detection result (AsyncAmdStatusCallback).</summary>
    public async System.Threading.Tasks.Task DetectedAsync(Guid attemptId, string? answeredBy, CancellationToken ct)
    {
        var attempt = await db.CallbackAttempts.SingleOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null || attempt.Outcome is not null || attempt.CallSid is null) return; // unknown, or already decided
        var @case = await db.Cases.SingleAsync(c => c.Id == attempt.CaseId, ct);
        var contact = await db.Contacts.SingleAsync(c => c.Id == attempt.ContactId, ct);
        attempt.AnsweredBy = answeredBy;
        if (CallbackRules.IsPerson(answeredBy))
            await JoinPersonAsync(attempt, contact, ct);
        else
            await LeaveMachineAsync(attempt, @case, ct);
        contact.LastActivityAt = clock.GetUtcNow();
        await SaveAndSettleAsync(attempt);
    }

    /// <summary>Twilio's final status of the call to the caller (StatusCallback, "completed" event).</summary>
    public async System.Threading.Tasks.Task EndedAsync(Guid attemptId, string? callStatus, string? answeredBy, CancellationToken ct)
    {
        var attempt = await db.CallbackAttempts.SingleOrDefaultAsync(a => a.Id == attemptId, ct);
        if (attempt is null || attempt.EndedAt is not null) return;
        var contact = await db.Contacts.SingleAsync(c => c.Id == attempt.ContactId, ct);
        var now = clock.GetUtcNow();
        if (attempt.Outcome is null)
        {
            // Ended before detection said anything: busy, no answer, failed, or picked up and put down at once.
            var (outcome, words) = CallbackRules.FromFinalStatus(callStatus);
            attempt.Outcome = outcome;
            attempt.Detail = words;
            attempt.AnsweredBy ??= answeredBy;
        }
        attempt.EndedAt = now;
        contact.EndedAt = now;
        contact.LastActivityAt = now;
        contact.CallStatus = callStatus is { Length: <= 20 } s ? s : "completed";
        contact.State = ContactState.Completed; // an outgoing call: "abandoned" (a caller who gave up in the queue) does not apply
        await SaveAndSettleAsync(attempt);
    }

    private async System.Threading.Tasks.Task JoinPersonAsync(CallbackAttempt attempt, Contact contact, CancellationToken ct)
    {
        var advocate = await db.Users.SingleOrDefaultAsync(u => u.Id == attempt.AdvocateId, ct);
        // Into the callback's own conference, as a taken call's caller joins (the live calls' TwiML): their leaving ends
        // it, they hear the hold message until the advocate is there, and the conference's events reach the board.
        var joins = ConferenceTwiml.CallerJoins(contact.Id, flow.LanguageOrDefault(contact.Language), urls);
        try
        {
            _ = await CallResource.UpdateAsync(pathSid: attempt.CallSid, twiml: new Twilio.Types.Twiml(joins.ToString()), client: twilio)
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            log.LogWarning("Callback attempt {AttemptId}: the caller answered but could not be connected", attempt.Id);
            Fail(attempt, $"A person answered, but Twilio could not connect them: {TwilioFailures.Describe(e)}.");
            return;
        }

        var device = Enum.TryParse<AdvocateDevice>(attempt.Device, out var d) ? d : AdvocateDevice.Phone;
        var problem = advocate is null ? "the advocate's account no longer exists" : await legs.JoinAsync(contact.Id, advocate, device, ct);
        if (problem is not null)
        {
            // Never leave the caller alone in a conference: end the call, and let the retry rule bring it back.
            await HangUpAsync(attempt);
            Fail(attempt, $"A person answered, but the advocate could not be joined ({problem}); the call was ended.");
            return;
        }
        attempt.Outcome = CallbackOutcome.Answered;
        attempt.Detail = $"A person answered; {attempt.AdvocateName} was joined by {device.ToString().ToLowerInvariant()}.";
        contact.AnsweredAt = clock.GetUtcNow();
    }

    private async System.Threading.Tasks.Task LeaveMachineAsync(CallbackAttempt attempt, Case @case, CancellationToken ct)
    {
        attempt.Outcome = CallbackOutcome.Machine;
        var message = NeutralMessage(@case);
        if (message is not null && CallbackRules.GreetingEnded(attempt.AnsweredBy))
        {
            var response = new VoiceResponse().Say(message, language: SpeechLanguages.TagFor(flow.LanguageOrDefault(@case.Language)))
                .Hangup();
            try
            {
                _ = await CallResource.UpdateAsync(
                    pathSid: attempt.CallSid, twiml: new Twilio.Types.Twiml(response.ToString()), client: twilio);
                attempt.Detail = "An answering machine: the flow's neutral message was left (it never names the line), then hung up.";
                return;
            }
            catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
            {
                log.LogWarning("Callback attempt {AttemptId}: the neutral message could not be left", attempt.Id);
            }
        }
        await HangUpAsync(attempt);
        attempt.Detail = @case.VoicemailAllowed == true
            ? "An answering machine: hung up without leaving anything (no neutral message could be left)."
            : "An answering machine: hung up without leaving anything (the caller did not allow a voicemail).";
        _ = ct;
    }

    /// <summary>The flow's neutral words, only where the caller allowed a voicemail and only if they name nothing.</summary>
    private string? NeutralMessage(Case @case)
    {
        if (@case.VoicemailAllowed != true || !flow.Messages.ContainsKey(MessageKeys.CallbackVoicemail)) return null;
        var text = flow.Message(MessageKeys.CallbackVoicemail, flow.LanguageOrDefault(@case.Language));
        return HotlineNaming.FindNameInVoicemail(flow, text) is null ? text : null;
    }

    private async System.Threading.Tasks.Task HangUpAsync(CallbackAttempt attempt)
    {
        try
        {
            _ = await CallResource.UpdateAsync(pathSid: attempt.CallSid, status: CallResource.UpdateStatusEnum.Completed, client: twilio);
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            // The call ends by itself when the listening pause runs out (60 s), saying nothing.
            log.LogWarning("Callback attempt {AttemptId}: hanging up failed ({Failure})", attempt.Id, TwilioFailures.Classify(e));
        }
    }

    private static void Fail(CallbackAttempt attempt, string words)
    {
        attempt.Outcome = CallbackOutcome.Failed;
        attempt.Detail = words;
    }

    private async System.Threading.Tasks.Task SaveAndSettleAsync(CallbackAttempt attempt)
    {
        await db.SaveChangesAsync(CancellationToken.None);
        if (attempt.Outcome is not null && attempt.SettledAt is null)
            promises.Enqueue<CallbackSettleJob>(j => j.RunAsync(attempt.Id));
    }
}
