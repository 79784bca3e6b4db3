using Hotline.Core.Flows;
using Hotline.Web.Data;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>
/// The voice side of intake, one request one step: load the call, fire one trigger, commit, answer TwiML.
/// Nothing about a call is held in memory, so any node can take the next webhook.
/// </summary>
public sealed class CallIntake(IntakeRecorder recorder)
{
    private Flow Flow => recorder.Flow;

    /// <summary>
    /// A new call: the case, contact and first turn are written at once, without looking first; the write
    /// itself refuses a CallSid it already has (a Twilio retry), which then gets where that call is now.
    /// </summary>
    public Task<VoiceResponse> IncomingAsync(CallWebhook call, CancellationToken ct) => StartAsync(call, ct);

    public async Task<VoiceResponse> GatherAsync(CallWebhook call, int? step, CallerInput input, CancellationToken ct)
    {
        var contact = await recorder.LoadAsync(call.CallSid, ct);
        // A gather for a call we never saw (lost first webhook, another deployment): start the flow safely.
        if (contact is null) return await StartAsync(call, ct);
        // A retry or a stale step: answer with where the caller is now and write nothing.
        if (step != contact.Step || contact.State != ContactState.Intake) return Current(contact);

        var result = recorder.Answer(contact, input);
        if (!await recorder.CommitAsync(contact, ct)) return await CurrentAfterRaceAsync(call.CallSid, ct);
        return VoiceTwiml.Render(Flow, result.Reply, result.State.Step);
    }

    private async Task<VoiceResponse> StartAsync(CallWebhook call, CancellationToken ct)
    {
        var (contact, step) = recorder.Begin(Core.Cases.Channel.Voice, call.CallSid, call.From, conversationKey: null);
        if (!await recorder.CommitAsync(contact, ct)) return await CurrentAfterRaceAsync(call.CallSid, ct);
        return VoiceTwiml.Render(Flow, step.Reply, step.State.Step);
    }

    private async Task<VoiceResponse> CurrentAfterRaceAsync(string callSid, CancellationToken ct)
    {
        var winner = await recorder.LoadAsync(callSid, ct);
        return winner is null ? VoiceTwiml.TechnicalProblem(Flow) : Current(winner);
    }

    /// <summary>The TwiML for where the caller is now, changing nothing.</summary>
    private VoiceResponse Current(Contact contact)
    {
        var language = Flow.LanguageOrDefault(contact.Language);
        switch (contact.State)
        {
            case ContactState.Intake:
                return VoiceTwiml.Render(Flow, recorder.CurrentReply(contact), contact.Step);
            case ContactState.Queued:
            {
                var response = new VoiceResponse();
                VoiceTwiml.AppendTerminal(response, Flow, TerminalKind.Queue, language);
                return response;
            }
            case ContactState.Voicemail:
            {
                var response = new VoiceResponse();
                VoiceTwiml.AppendVoicemail(response, Flow, language);
                return response;
            }
            default:
                return new VoiceResponse().Hangup();
        }
    }
}
