using Hotline.Core.Flows;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Hotline.Web.Telephony;

/// <summary>Renders the engine's reply as Twilio voice TwiML.</summary>
public static class VoiceTwiml
{
    private const int VoicemailMaxSeconds = 180;

    public static VoiceResponse Render(Flow flow, IntakeReply reply, int step)
    {
        var response = new VoiceResponse();
        var tag = SpeechLanguages.TagFor(reply.Language);
        foreach (var message in reply.Messages) response.Say(message, language: tag);

        if (reply.Prompt is { } prompt)
        {
            response.Append(GatherFor(prompt, tag, step));
        }
        else if (reply.Terminal is { } terminal)
        {
            AppendTerminal(response, flow, terminal.Kind, reply.Language);
        }
        return response;
    }

    private static Gather GatherFor(PromptSpec prompt, string languageTag, int step)
    {
        var inputs = prompt.Mode switch
        {
            InputMode.Dtmf => new List<Gather.InputEnum> { Gather.InputEnum.Dtmf },
            InputMode.Speech => [Gather.InputEnum.Speech],
            _ => [Gather.InputEnum.Dtmf, Gather.InputEnum.Speech],
        };
        // actionOnEmptyResult: silence is a turn too, so the flow decides what silence means.
        var gather = new Gather(
            input: inputs,
            action: new Uri(VoiceRoutes.GatherFor(step), UriKind.Relative),
            method: Twilio.Http.HttpMethod.Post,
            timeout: prompt.TimeoutSeconds,
            numDigits: prompt.NumDigits,
            language: prompt.Mode == InputMode.Dtmf ? null : (Gather.LanguageEnum)languageTag,
            actionOnEmptyResult: true);
        gather.Say(prompt.Text, language: languageTag);
        return gather;
    }

    public static void AppendTerminal(VoiceResponse response, Flow flow, TerminalKind kind, string language)
    {
        switch (kind)
        {
            case TerminalKind.Queue:
                response.Enqueue(
                    flow.Queue.Name,
                    action: new Uri(VoiceRoutes.QueueResult, UriKind.Relative),
                    method: Twilio.Http.HttpMethod.Post,
                    waitUrl: new Uri(VoiceRoutes.QueueWaitFor(language), UriKind.Relative),
                    waitUrlMethod: Twilio.Http.HttpMethod.Post);
                break;
            case TerminalKind.Voicemail:
                AppendVoicemail(response, flow, language);
                break;
            case TerminalKind.Hangup:
                response.Hangup();
                break;
        }
    }

    public static void AppendVoicemail(VoiceResponse response, Flow flow, string language)
    {
        response.Say(flow.Message(MessageKeys.VoicemailPrompt, language), language: SpeechLanguages.TagFor(language));
        response.Record(
            action: new Uri(VoiceRoutes.Recording, UriKind.Relative),
            method: Twilio.Http.HttpMethod.Post,
            maxLength: VoicemailMaxSeconds,
            playBeep: true,
            recordingStatusCallback: new Uri(VoiceRoutes.RecordingStatus, UriKind.Relative),
            recordingStatusCallbackMethod: Twilio.Http.HttpMethod.Post);
        response.Say(flow.Message(MessageKeys.Goodbye, language), language: SpeechLanguages.TagFor(language));
        response.Hangup();
    }

    /// <summary>
    /// What a caller hears when the service cannot serve them (database down, a bug): the emergency number,
    /// then a person on the backup line. Needs nothing but the loaded flow, so it works when all else fails.
    /// </summary>
    public static VoiceResponse TechnicalProblem(Flow flow, string? language = null)
    {
        var lang = flow.LanguageOrDefault(language);
        var response = new VoiceResponse();
        response.Say(flow.Message(MessageKeys.TechnicalProblem, lang), language: SpeechLanguages.TagFor(lang));
        response.Dial(flow.BackupLine, timeout: 30);
        return response;
    }
}
