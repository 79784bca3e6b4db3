using Hotline.Core.Flows;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>The TwiML of a live call: the caller into the conference, back to the queue, and what a held caller hears.</summary>
public static class ConferenceTwiml
{
    /// <summary>The flow message a held caller hears before the music, when the flow has one.</summary>
    public const string HoldMessageKey = "conference_hold";

    public static readonly Conference.EventEnum[] Events =
    [
        Conference.EventEnum.Start, Conference.EventEnum.End, Conference.EventEnum.Join, Conference.EventEnum.Leave,
        Conference.EventEnum.Mute, Conference.EventEnum.Hold,
    ];

    /// <summary>
    /// The caller joins their contact's room. Their leaving ends it (endConferenceOnExit), so nobody stays behind
    /// with an empty room; until the advocate is there they hear the hold message and music, never silence
    /// (the advocate's leg starts the conference).
    /// </summary>
    public static VoiceResponse CallerJoins(Guid contactId, string language, LiveCallUrls urls)
    {
        var dial = new Dial();
        dial.Conference(
            ConferenceRooms.NameFor(contactId),
            beep: Conference.BeepEnum.False,
            startConferenceOnEnter: false,
            endConferenceOnExit: true,
            waitUrl: urls.Hold(language),
            waitMethod: Twilio.Http.HttpMethod.Post,
            statusCallbackEvent: Events,
            statusCallback: urls.Conference(contactId),
            statusCallbackMethod: Twilio.Http.HttpMethod.Post,
            participantLabel: nameof(LegRole.Caller).ToLowerInvariant());
        return new VoiceResponse().Append(dial);
    }

    /// <summary>
    /// Back into the hotline's queue: the board lists a caller by when they first queued, so they are at the front
    /// again. Absolute URLs because this TwiML is sent inline.
    /// </summary>
    public static VoiceResponse BackToQueue(Flow flow, string language, LiveCallUrls urls) =>
        new VoiceResponse().Enqueue(
            flow.Queue.Name,
            action: urls.QueueResult,
            method: Twilio.Http.HttpMethod.Post,
            waitUrl: urls.QueueWait(language),
            waitUrlMethod: Twilio.Http.HttpMethod.Post);

    /// <summary>The wait and hold URL's answer: the hold message in the caller's language, then music, looped.</summary>
    public static VoiceResponse Hold(Flow flow, string? language, Uri music)
    {
        var lang = flow.LanguageOrDefault(language);
        var response = new VoiceResponse();
        if (flow.Messages.ContainsKey(HoldMessageKey))
            response.Say(flow.Message(HoldMessageKey, lang), language: SpeechLanguages.TagFor(lang));
        response.Play(music, loop: 0);
        return response;
    }
}
