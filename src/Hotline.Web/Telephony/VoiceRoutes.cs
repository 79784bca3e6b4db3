namespace Hotline.Web.Telephony;

/// <summary>
/// Webhook paths, relative so Twilio resolves them against the URL it called (and so signatures match
/// behind a proxy). Every gather action carries the step it answers: a stale or repeated one changes nothing.
/// </summary>
public static class VoiceRoutes
{
    public const string Incoming = "/twilio/voice/incoming";
    public const string Gather = "/twilio/voice/gather";
    public const string QueueWait = "/twilio/voice/queue-wait";
    public const string QueueCallback = "/twilio/voice/queue-callback";
    public const string QueueResult = "/twilio/voice/queue-result";
    public const string Recording = "/twilio/voice/recording";
    public const string RecordingStatus = "/twilio/voice/recording-status";
    public const string Status = "/twilio/voice/status";
    public const string Fallback = "/twilio/voice/fallback";
    /// <summary>A live call's conference events (join, leave, hold, mute, start, end).</summary>
    public const string Conference = "/twilio/voice/conference";
    /// <summary>The call status of one leg the hotline dialled into a conference (advocate, interpreter, agency, supervisor).</summary>
    public const string Participant = "/twilio/voice/participant";
    /// <summary>What a waiting or held caller hears: the flow's hold message, if it has one, and music.</summary>
    public const string ConferenceHold = "/twilio/voice/conference-hold";
    public const string SmsIncoming = "/twilio/sms/incoming";

    public static string GatherFor(int step) => $"{Gather}?step={step}";
    public static string QueueWaitFor(string language) => $"{QueueWait}?lang={Uri.EscapeDataString(language)}";
}
