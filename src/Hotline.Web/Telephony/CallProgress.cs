using Hotline.Core.Flows;
using Hotline.Web.Data;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>
/// What happens to a call after intake: the queue (position, callback offer, result), voicemail, and the
/// final status. Each handler is idempotent: Twilio may repeat any of them, in any order.
/// </summary>
public sealed class CallProgress(IntakeRecorder recorder, ContactStore store, ILogger<CallProgress> log)
{
    private Flow Flow => recorder.Flow;

    /// <summary>
    /// The wait URL is requested about every half minute per waiting caller; a stamp at most this often is
    /// enough to tell a caller still waiting from one whose call ended without its final status callback.
    /// </summary>
    public static readonly TimeSpan QueuePollStampInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan QueuePollStampPatience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Requested in a loop while the caller waits. Twilio tells us where they are; the only write is the
    /// throttled "still polling" stamp, and the answer never depends on it: without a database the caller waits on.
    /// A caller whose number is withheld is never offered a callback: nobody could make it.
    /// </summary>
    public async Task<VoiceResponse> QueueWaitAsync(
        string? callSid, string? language, int position, int waitedSeconds, bool numberWithheld, CancellationToken ct)
    {
        // A caller queued less than one interval ago is alive by their EnqueuedAt: no round trip for the first
        // polls (Twilio's QueueTime says how long they have waited), so a short wait costs the database nothing.
        if (callSid is not null && waitedSeconds >= QueuePollStampInterval.TotalSeconds)
        {
            // Bounded: a database that hangs must not hold the wait loop up until Twilio gives up on it.
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(QueuePollStampPatience);
            try
            {
                await store.StampQueuePollAsync(callSid, recorder.Now, QueuePollStampInterval, patience.Token);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException || e is OperationCanceledException
                && !ct.IsCancellationRequested)
            {
                // Missing one stamp costs nothing (the next poll stamps); failing the wait loop would drop a caller.
                log.LogWarning("Could not note a queue-wait poll ({Error}); the caller keeps waiting", e.GetType().Name);
            }
        }
        return QueueWait(language, position, waitedSeconds, numberWithheld);
    }

    private VoiceResponse QueueWait(string? language, int position, int waitedSeconds, bool numberWithheld)
    {
        var lang = Flow.LanguageOrDefault(language);
        var tag = SpeechLanguages.TagFor(lang);
        var response = new VoiceResponse();
        if (position > Flow.Queue.MaxQueueSize)
        {
            // Overflow: rather than a long wait, take a voicemail (queue-result handles "leave").
            response.Leave();
            return response;
        }
        var minutes = Math.Max(1, position * 3); // ~3 minutes a caller ahead
        response.Say(Flow.Message(MessageKeys.QueueWait, lang, new Dictionary<string, string>
        {
            ["position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["minutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }), language: tag);
        if (waitedSeconds >= Flow.Queue.OfferCallbackAfterSeconds && !numberWithheld)
        {
            var gather = new Twilio.TwiML.Voice.Gather(
                input: [Twilio.TwiML.Voice.Gather.InputEnum.Dtmf], numDigits: 1, timeout: 5,
                action: new Uri(VoiceRoutes.QueueCallback, UriKind.Relative), method: Twilio.Http.HttpMethod.Post);
            gather.Say(Flow.Message(MessageKeys.QueueOfferCallback, lang), language: tag);
            response.Append(gather);
        }
        response.Pause(length: 20);
        return response;
    }

    /// <summary>The caller pressed a key while waiting. 1 = leave the queue for a callback.</summary>
    public async Task<VoiceResponse> QueueCallbackAsync(CallWebhook call, string? digits, CancellationToken ct)
    {
        var response = new VoiceResponse();
        if (digits != "1") return response; // back to the wait loop
        var stored = await recorder.ChangeAsync(call.CallSid, contact =>
        {
            // No usable number (withheld): a callback cannot be promised, so the caller stays in the queue.
            if (contact.CallbackRequested || ContactStates.IsNumberWithheld(contact.Case)) return false;
            contact.CallbackRequested = true;
            return true;
        }, ct);
        // Leave only once the wish is stored: the queue result reads it, and "leave" without it means voicemail.
        // Not stored (unknown call, every attempt lost): the caller stays in the queue and may press 1 again.
        if (stored?.CallbackRequested == true) response.Leave();
        return response;
    }

    public async Task<VoiceResponse> QueueResultAsync(CallWebhook call, string? result, CancellationToken ct)
    {
        var now = recorder.Now;
        switch (result)
        {
            case "bridged":
                // An operator answered. Lost, this write would let the final status call it abandoned and owe a callback.
                await recorder.ChangeAsync(call.CallSid, contact =>
                {
                    var changed = false;
                    if (contact.State is ContactState.Queued)
                    {
                        contact.State = ContactState.WithOperator;
                        changed = true;
                    }
                    else if (contact.State is ContactState.Abandoned && contact.AnsweredAt is null
                        && CallStatuses.IsFinal(contact.CallStatus))
                    {
                        // The final status overtook this result (both are sent when the call ends during the bridge):
                        // the caller did reach a person. A callback it promised stays: one call too many is safer than none.
                        contact.State = ContactState.Completed;
                        contact.Case.Abandoned = false;
                        changed = true;
                    }
                    if (contact.AnsweredAt is null)
                    {
                        contact.AnsweredAt = now;
                        changed = true;
                    }
                    return changed;
                }, ct);
                return new VoiceResponse().Hangup();
            case "hangup":
                await recorder.ChangeAsync(call.CallSid, contact =>
                {
                    if (contact.State != ContactState.Queued) return false;
                    recorder.Abandon(contact, ContactState.Abandoned);
                    return true;
                }, ct);
                return new VoiceResponse().Hangup();
            case "redirected":
                return new VoiceResponse(); // an operator took the call through the REST API
            default:
                // leave (after pressing 1, or overflow), queue-full, error, system-error: nobody can take it now.
                var stored = await recorder.ChangeAsync(call.CallSid, contact =>
                {
                    if (contact.State != ContactState.Queued) return false;
                    if (result == "leave" && contact.CallbackRequested) PromiseRequestedCallback(contact, now);
                    else contact.State = ContactState.Voicemail; // take a message
                    return true;
                }, ct);
                return AfterQueue(stored);
        }
    }

    private void PromiseRequestedCallback(Contact contact, DateTimeOffset now)
    {
        // Pressing 1 to be called back is consent to a callback at this number.
        contact.Case.CallbackAllowed = true;
        contact.Case.CallbackWindow ??= "any";
        contact.State = ContactState.Completed;
        contact.EndedAt = now;
        recorder.PromiseCallback(contact.Case);
    }

    /// <summary>The TwiML for a caller who left the queue, from the state that was stored (not the one intended).</summary>
    private VoiceResponse AfterQueue(Contact? stored)
    {
        var response = new VoiceResponse();
        if (stored is null) return response.Hangup();
        var language = Flow.LanguageOrDefault(stored.Language);
        switch (stored.State)
        {
            case ContactState.Completed when stored.CallbackRequested:
                response.Say(Flow.Message(MessageKeys.CallbackConfirmed, language), language: SpeechLanguages.TagFor(language));
                return response.Hangup();
            case ContactState.Queued:
                // Nothing could be stored: as far as the hotline knows the caller is still waiting, so they wait.
                VoiceTwiml.AppendTerminal(response, Flow, TerminalKind.Queue, language);
                return response;
            case ContactState.Completed or ContactState.Abandoned or ContactState.Expired:
                return response.Hangup();
            default:
                VoiceTwiml.AppendVoicemail(response, Flow, language);
                return response;
        }
    }

    /// <summary>The Record verb finished. Keeps the recording's SID and URL, never the audio.</summary>
    public async Task<VoiceResponse> RecordingAsync(CallWebhook call, Recording recording, CancellationToken ct)
    {
        var now = recorder.Now;
        var stored = await recorder.ChangeAsync(call.CallSid, contact =>
        {
            var kept = Keep(contact, recording);
            if (contact.State != ContactState.Voicemail) return kept;
            contact.State = ContactState.Completed;
            contact.EndedAt ??= now;
            recorder.PromiseCallback(contact.Case);
            return true;
        }, ct);
        var response = new VoiceResponse();
        if (stored is null) return response.Hangup();
        var language = Flow.LanguageOrDefault(stored.Language);
        response.Say(Flow.Message(MessageKeys.VoicemailThanks, language), language: SpeechLanguages.TagFor(language));
        return response.Hangup();
    }

    public async Task RecordingStatusAsync(CallWebhook call, Recording recording, CancellationToken ct) =>
        await recorder.ChangeAsync(call.CallSid, contact => Keep(contact, recording), ct);

    private static bool Keep(Contact contact, Recording recording)
    {
        if (recording.Sid is null || contact.RecordingSid == recording.Sid && contact.RecordingUrl is not null) return false;
        contact.RecordingSid = recording.Sid;
        contact.RecordingUrl = recording.Url ?? contact.RecordingUrl;
        contact.RecordingSeconds = recording.Seconds ?? contact.RecordingSeconds;
        return true;
    }

    /// <summary>Call status callback: statuses only move forward; a call that ends before a person keeps what was said.</summary>
    public async Task StatusAsync(CallWebhook call, string status, CancellationToken ct) =>
        await recorder.ChangeAsync(call.CallSid, contact => CallEnding.Apply(recorder, contact, status), ct);
}

public sealed record Recording(string? Sid, string? Url, int? Seconds);
