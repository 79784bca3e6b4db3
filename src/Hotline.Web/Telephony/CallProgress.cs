using Hotline.Core.Flows;
using Hotline.Web.Data;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>
/// What happens to a call after intake: the queue (position, callback offer, result), voicemail, and the
/// final status. Each handler is idempotent: Twilio may repeat any of them, in any order.
/// </summary>
public sealed class CallProgress(IntakeRecorder recorder)
{
    private Flow Flow => recorder.Flow;

    /// <summary>
    /// Requested in a loop while the caller waits. Needs no database: Twilio tells us where they are. A caller
    /// whose number is withheld is never offered a callback: nobody could make it.
    /// </summary>
    public VoiceResponse QueueWait(string? language, int position, int waitedSeconds, bool numberWithheld = false)
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
        var contact = await recorder.LoadAsync(call.CallSid, ct);
        // No usable number (withheld): a callback cannot be promised, so the caller stays in the queue.
        if (contact is null || ContactStates.IsNumberWithheld(contact.Case)) return response;
        if (!contact.CallbackRequested)
        {
            contact.CallbackRequested = true;
            await recorder.CommitAsync(contact, ct);
        }
        response.Leave();
        return response;
    }

    public async Task<VoiceResponse> QueueResultAsync(CallWebhook call, string? result, CancellationToken ct)
    {
        var contact = await recorder.LoadAsync(call.CallSid, ct);
        var response = new VoiceResponse();
        if (contact is null) return response.Hangup();
        var language = Flow.LanguageOrDefault(contact.Language);
        var now = recorder.Now;
        switch (result)
        {
            case "bridged":
                if (contact.State is ContactState.Queued) contact.State = ContactState.WithOperator;
                contact.AnsweredAt ??= now;
                await recorder.CommitAsync(contact, ct);
                return response.Hangup();
            case "leave" when contact.CallbackRequested:
                if (contact.State == ContactState.Queued)
                {
                    // Pressing 1 to be called back is consent to a callback at this number.
                    contact.Case.CallbackAllowed = true;
                    contact.Case.CallbackWindow ??= "any";
                    contact.State = ContactState.Completed;
                    contact.EndedAt = now;
                    recorder.PromiseCallback(contact.Case);
                    await recorder.CommitAsync(contact, ct);
                }
                response.Say(Flow.Message(MessageKeys.CallbackConfirmed, language), language: SpeechLanguages.TagFor(language));
                return response.Hangup();
            case "hangup":
                if (contact.State == ContactState.Queued)
                {
                    recorder.Abandon(contact, ContactState.Abandoned);
                    await recorder.CommitAsync(contact, ct);
                }
                return response.Hangup();
            case "redirected":
                return response; // an operator took the call through the REST API
            default:
                // leave (overflow), queue-full, error, system-error: nobody can take it now, take a message.
                if (contact.State == ContactState.Queued)
                {
                    contact.State = ContactState.Voicemail;
                    await recorder.CommitAsync(contact, ct);
                }
                VoiceTwiml.AppendVoicemail(response, Flow, language);
                return response;
        }
    }

    /// <summary>The Record verb finished. Keeps the recording's SID and URL, never the audio.</summary>
    public async Task<VoiceResponse> RecordingAsync(CallWebhook call, Recording recording, CancellationToken ct)
    {
        var contact = await recorder.LoadAsync(call.CallSid, ct);
        var response = new VoiceResponse();
        if (contact is null) return response.Hangup();
        if (Keep(contact, recording) | contact.State == ContactState.Voicemail)
        {
            if (contact.State == ContactState.Voicemail)
            {
                contact.State = ContactState.Completed;
                contact.EndedAt ??= recorder.Now;
                recorder.PromiseCallback(contact.Case);
            }
            await recorder.CommitAsync(contact, ct);
        }
        var language = Flow.LanguageOrDefault(contact.Language);
        response.Say(Flow.Message(MessageKeys.VoicemailThanks, language), language: SpeechLanguages.TagFor(language));
        return response.Hangup();
    }

    public async Task RecordingStatusAsync(CallWebhook call, Recording recording, CancellationToken ct)
    {
        var contact = await recorder.LoadAsync(call.CallSid, ct);
        if (contact is not null && Keep(contact, recording)) await recorder.CommitAsync(contact, ct);
    }

    private static bool Keep(Contact contact, Recording recording)
    {
        if (recording.Sid is null || contact.RecordingSid == recording.Sid && contact.RecordingUrl is not null) return false;
        contact.RecordingSid = recording.Sid;
        contact.RecordingUrl = recording.Url ?? contact.RecordingUrl;
        contact.RecordingSeconds = recording.Seconds ?? contact.RecordingSeconds;
        return true;
    }

    /// <summary>Call status callback: statuses only move forward; a call that ends before a person keeps what was said.</summary>
    public async Task StatusAsync(CallWebhook call, string status, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var contact = await recorder.LoadAsync(call.CallSid, ct);
            if (contact is null || !CallStatuses.MovesForward(contact.CallStatus, status)) return;
            contact.CallStatus = status;
            if (CallStatuses.IsFinal(status))
            {
                switch (contact.State)
                {
                    case ContactState.Intake or ContactState.Queued:
                    case ContactState.Voicemail when contact.RecordingSid is null:
                        recorder.Abandon(contact, ContactState.Abandoned);
                        break;
                    case ContactState.WithOperator or ContactState.Voicemail:
                        contact.State = ContactState.Completed;
                        contact.EndedAt ??= recorder.Now;
                        break;
                }
            }
            if (await recorder.CommitAsync(contact, ct)) return;
        }
    }
}

public sealed record Recording(string? Sid, string? Url, int? Seconds);
