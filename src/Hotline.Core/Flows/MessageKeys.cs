namespace Hotline.Core.Flows;

/// <summary>System messages every flow must translate into each of its languages (see flows/README.md).</summary>
public static class MessageKeys
{
    public const string Invalid = "invalid";
    public const string QueueWait = "queue_wait";
    public const string QueueOfferCallback = "queue_offer_callback";
    public const string CallbackConfirmed = "callback_confirmed";
    public const string VoicemailPrompt = "voicemail_prompt";
    public const string VoicemailThanks = "voicemail_thanks";
    public const string TechnicalProblem = "technical_problem";
    public const string SmsHelp = "sms_help";
    public const string SmsStop = "sms_stop";
    public const string SmsStart = "sms_start";

    /// <summary>Optional: required only when the flow sets 'sms.tell_on_expiry: true' (see <see cref="Flow.TellOnExpiry"/>).</summary>
    public const string SmsExpired = "sms_expired";

    public const string Goodbye = "goodbye";

    /// <summary>
    /// Optional: the only words a callback may leave on a caller's answering machine, where the caller allowed a
    /// voicemail. It must never name the hotline, whatever 'texts_may_name_hotline' says (checked at load). Without
    /// it, a callback that reaches a machine hangs up and leaves nothing.
    /// </summary>
    public const string CallbackVoicemail = "callback_voicemail";

    /// <summary>What the caller is sent when an advocate closes a written conversation.</summary>
    public const string ConversationClosed = "conversation_closed";

    public static IReadOnlyList<string> Required { get; } =
    [
        Invalid, QueueWait, QueueOfferCallback, CallbackConfirmed, VoicemailPrompt, VoicemailThanks,
        TechnicalProblem, SmsHelp, SmsStop, SmsStart, Goodbye, ConversationClosed,
    ];
}
