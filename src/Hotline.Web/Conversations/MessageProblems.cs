using System.Globalization;
using Hotline.Web.Infrastructure;
using Twilio.Exceptions;

namespace Hotline.Web.Conversations;

/// <summary>
/// Why a text did not reach the person, in plain words for the advocate: from Twilio's refusal when we sent it, or
/// from the error code of a failed status callback. Never Twilio's own message (it names the account's URL).
/// </summary>
public static class MessageProblems
{
    public const string OptedOut = "They opted out (texted STOP)";
    public const string CannotReceive = "The number cannot receive texts";
    public const string OutsideWindow = "Outside WhatsApp's 24-hour window";
    public const string Unreachable = "Twilio could not be reached; try again";

    /// <summary>Twilio's error code for "the person opted out": they are then treated as having texted STOP here too.</summary>
    public const string OptedOutCode = "21610";

    /// <summary>The words for a refused or failed send (the exception goes to the log, not to the page).</summary>
    public static string Of(Exception e) => e switch
    {
        ApiException { Code: not 0 } api when TwilioFailures.Classify(e) != TwilioFailures.Kind.Unreachable =>
            Of(api.Code.ToString(CultureInfo.InvariantCulture)),
        _ when TwilioFailures.Classify(e) == TwilioFailures.Kind.Unreachable => Unreachable,
        _ => TwilioFailures.Describe(e),
    };

    /// <summary>Twilio's error code (as sent to us, or from its refusal) as words.</summary>
    public static string Of(string? errorCode) => errorCode switch
    {
        OptedOutCode => OptedOut,
        "21211" or "21614" or "21408" or "21612" or "30006" => CannotReceive,
        "63016" => OutsideWindow,
        "20003" or "20005" => "Twilio refused the hotline's credentials (the auth token may have been changed)",
        "20429" => "Twilio is limiting how fast the hotline may send; try again in a minute",
        "30003" => "Their phone is off or out of reach",
        "30004" => "The message was blocked (by them or by their carrier)",
        "30005" => "The number does not exist",
        "30007" => "Their carrier filtered the message",
        null or "" => "Not delivered (Twilio gave no reason)",
        _ => $"Not delivered (Twilio error {errorCode})",
    };

    /// <summary>Twilio's error code of a failed send, when it gave one.</summary>
    public static string? CodeOf(Exception e) =>
        e is ApiException { Code: not 0 } api ? api.Code.ToString(CultureInfo.InvariantCulture) : null;
}
