using Hotline.Core.Callbacks;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;

namespace Hotline.Web.Telephony.Callbacks;

/// <summary>
/// "Call back": the service calls the caller from the hotline number (the advocate never sees the number), only inside
/// the caller's safe window, with answering-machine detection. The advocate is joined when a person answers
/// (<see cref="CallbackAnswers"/>). Every attempt is a row first, written before Twilio is asked.
/// </summary>
public sealed class CallbackDialer(
    HotlineDbContext db, ITwilioRestClient twilio, HotlineSettings settings, Flow flow, TimeProvider clock, Audit audit,
    PromiseDispatcher promises, ILogger<CallbackDialer> log)
{
    /// <summary>How long the caller's phone rings before Twilio gives up (seconds).</summary>
    public const int RingSeconds = 30;

    /// <summary>An attempt Twilio never reported on within this time is closed as failed, so the case can be called again.</summary>
    public static readonly TimeSpan SilentAttempt = TimeSpan.FromHours(1);

    /// <summary>While detection listens, the caller hears silence: nothing may be said before we know a person answered.</summary>
    private const string Listening = "<Response><Pause length=\"60\"/><Hangup/></Response>";

    /// <returns>Null when the call is being placed; otherwise why not, in words for the advocate.</returns>
    public async Task<string?> CallAsync(Guid caseId, HotlineUser advocate, AdvocateDevice device, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, ct);
        if (@case is null) return "This case does not exist.";
        var refusal = CallbackRules.Refusal(@case, flow, now, settings.PublicBaseUrl is not null);
        if (refusal is not null) return refusal;

        await CloseSilentAttemptsAsync(caseId, now, ct);
        var number = 1 + await CallbackRules.AttemptsSincePromiseAsync(db, caseId, ct);
        var contact = new Contact
        {
            Id = Guid.NewGuid(), CaseId = caseId, Channel = Core.Cases.Channel.Voice, FlowId = @case.FlowId, Language = @case.Language,
            State = ContactState.WithOperator, StartedAt = now, LastActivityAt = now, AnsweredBy = advocate.Id,
        };
        var attempt = new CallbackAttempt
        {
            Id = Guid.NewGuid(), CaseId = caseId, ContactId = contact.Id, Number = number, AdvocateId = advocate.Id,
            AdvocateName = advocate.DisplayName is { Length: > 0 } n ? n : advocate.UserName ?? advocate.Id, Device = device.ToString(),
            StartedAt = now,
        };
        contact.ExternalId = "callback-" + attempt.Id.ToString("N"); // Twilio's CallSid replaces it once the call exists
        db.Contacts.Add(contact);
        db.CallbackAttempts.Add(attempt);
        audit.Record("callback.placed", caseId, $"Attempt {number}: calling the caller from the hotline number; "
            + $"the advocate joins by {(device == AdvocateDevice.Browser ? "browser" : "phone")} when a person answers");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            return "A callback to this caller is already being made. Wait for it to end (it is on the timeline).";
        }

        try
        {
            var call = await CallResource.CreateAsync(Options(@case, attempt), twilio)
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
            attempt.CallSid = call.Sid;
            contact.ExternalId = call.Sid;
            await db.SaveChangesAsync(CancellationToken.None);
            return null;
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            // Not the exception: Twilio's message may quote the number dialled.
            log.LogWarning("Callback attempt {AttemptId} not placed: {Failure}", attempt.Id, TwilioFailures.Classify(e));
            var words = $"Twilio did not place the call: {TwilioFailures.Describe(e)}.";
            attempt.Outcome = CallbackOutcome.Failed;
            attempt.Detail = words;
            attempt.EndedAt = clock.GetUtcNow();
            contact.State = ContactState.Completed;
            contact.EndedAt = attempt.EndedAt;
            contact.CallStatus = "failed";
            await db.SaveChangesAsync(CancellationToken.None);
            promises.Enqueue<CallbackSettleJob>(j => j.RunAsync(attempt.Id));
            return words + " The attempt is recorded; the pathway's retry rule decides when to try again.";
        }
    }

    private CreateCallOptions Options(Case @case, CallbackAttempt attempt)
    {
        var baseUrl = settings.PublicBaseUrl!;
        Uri Url(string pathAndQuery) => new(baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/') + pathAndQuery);
        return new CreateCallOptions(new Twilio.Types.PhoneNumber(@case.CallerNumber), new Twilio.Types.PhoneNumber(settings.TwilioNumber))
        {
            Twiml = new Twilio.Types.Twiml(Listening),
            Timeout = RingSeconds,
            // Where a voicemail may be left, wait for the greeting's end (the beep) before saying anything; otherwise the
            // faster "Enable" lets us hang up on a machine at once.
            MachineDetection = CallbackRules.MachineDetectionFor(@case),
            AsyncAmd = "true",
            AsyncAmdStatusCallback = Url(CallbackRoutes.AmdFor(attempt.Id)),
            AsyncAmdStatusCallbackMethod = Twilio.Http.HttpMethod.Post,
            StatusCallback = Url(CallbackRoutes.StatusFor(attempt.Id)),
            StatusCallbackEvent = ["completed"],
            StatusCallbackMethod = Twilio.Http.HttpMethod.Post,
        };
    }

    /// <summary>An attempt Twilio never reported on (a lost status callback) would block the case's next call for ever.</summary>
    private async Task CloseSilentAttemptsAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        var silent = await db.CallbackAttempts
            .Where(a => a.CaseId == caseId && a.Outcome == null && a.StartedAt < now - SilentAttempt).ToListAsync(ct);
        foreach (var attempt in silent)
        {
            attempt.Outcome = CallbackOutcome.Failed;
            attempt.Detail = "Twilio never said how this call ended.";
            attempt.EndedAt = now;
        }
        if (silent.Count == 0) return;
        await db.SaveChangesAsync(ct);
        foreach (var attempt in silent) promises.Enqueue<CallbackSettleJob>(j => j.RunAsync(attempt.Id));
    }
}
