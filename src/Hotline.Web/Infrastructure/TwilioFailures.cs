using System.Globalization;
using Twilio.Exceptions;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Twilio's failures in plain words, in one place. Operators saw "Connection Error: POST
/// https://api.twilio.com/.../Accounts/AC..." (an account id on screen) and "the caller may have just hung up"
/// when Twilio was down. What is shown says what happened, never a URL, an account or call id, or a token;
/// the exception itself goes to the log.
/// </summary>
public static class TwilioFailures
{
    public enum Kind
    {
        /// <summary>No answer from Twilio: network, DNS, TLS, a time-out, or Twilio's own 5xx.</summary>
        Unreachable,
        /// <summary>Twilio says the call is over (or unknown): the caller hung up.</summary>
        CallEnded,
        /// <summary>Twilio rejected the hotline's credentials: a rotated or wrong auth token.</summary>
        Credentials,
        /// <summary>Twilio is rate-limiting the hotline's account.</summary>
        Throttled,
        /// <summary>The number cannot be called or texted (invalid, not mobile, opted out).</summary>
        BadNumber,
        /// <summary>Anything else Twilio refused.</summary>
        Refused,
    }

    public static bool IsTwilioFailure(Exception e) =>
        e is ApiException or ApiConnectionException or HttpRequestException or TaskCanceledException or TimeoutException;

    public static Kind Classify(Exception e) => e switch
    {
        ApiException { Status: >= 500 } => Kind.Unreachable,
        ApiException { Status: 0, Code: 0 } => Kind.Unreachable, // no usable answer (the SDK could not read one)
        ApiException { Code: 20404 or 21220 } => Kind.CallEnded, // not found / "call is not in-progress"
        ApiException { Code: 20003 or 20005 } or ApiException { Status: 401 } => Kind.Credentials,
        ApiException { Code: 20429 } or ApiException { Status: 429 } => Kind.Throttled,
        ApiException { Code: 21211 or 21214 or 21217 or 21401 or 21407 or 21408 or 21610 or 21612 or 21614 } => Kind.BadNumber,
        ApiException => Kind.Refused,
        _ => Kind.Unreachable, // ApiConnectionException, HttpRequestException, time-outs
    };

    /// <summary>What happened, in one sentence, with Twilio's error number when it gave one (safe to show, useful to support).</summary>
    public static string Describe(Exception e) => Classify(e) switch
    {
        Kind.Unreachable => "Twilio could not be reached",
        Kind.CallEnded => "Twilio says the call has already ended",
        Kind.Credentials => "Twilio refused the hotline's credentials (the auth token may have been changed)",
        Kind.Throttled => "Twilio is limiting how fast the hotline may send; it will be retried",
        Kind.BadNumber => $"Twilio cannot reach that number (error {Code(e)}): it is not valid, not a mobile, or has opted out",
        _ => $"Twilio refused the request (error {Code(e)})",
    };

    /// <summary>Why "Take call" failed and what the operator should do now.</summary>
    public static string ForTakingACall(Exception e, string backupLine) => Classify(e) switch
    {
        Kind.CallEnded =>
            "The call could not be put through: Twilio says it has already ended (the caller hung up). The case stays open; call back " +
            "only as its safe-contact rules allow.",
        Kind.Credentials =>
            $"The call could not be put through: Twilio refused the hotline's credentials. The caller is still waiting: tell a " +
            $"supervisor now, or call the backup line ({backupLine}).",
        _ =>
            $"The call could not be put through: {Describe(e)}. The caller is still waiting in the queue: try again, or call the backup " +
            $"line ({backupLine}).",
    };

    /// <summary>Why adding someone to a live call (<paramref name="who"/>: "the interpreter line", "your phone") failed.</summary>
    public static string ForAddingToCall(Exception e, string who) => Classify(e) switch
    {
        Kind.CallEnded => $"Could not call {who}: Twilio says the call has already ended (the caller hung up).",
        Kind.BadNumber or Kind.Refused => $"Could not call {who}: Twilio refused that number (error {Code(e)}).",
        Kind.Credentials => $"Could not call {who}: Twilio refused the hotline's credentials; tell a supervisor.",
        _ => $"Could not call {who}: {Describe(e)}. Try again.",
    };

    /// <summary>Why changing a live call (hold, mute, remove someone) failed.</summary>
    public static string ForChangingCall(Exception e, string what) => Classify(e) switch
    {
        Kind.CallEnded => $"Could not {what}: Twilio says that leg of the call has already ended.",
        _ => $"Could not {what}: {Describe(e)}.",
    };

    /// <summary>
    /// A leg Twilio dialled that never joined, from its final call status (busy, no-answer, failed, canceled), as
    /// the advocate reads it: "the interpreter line did not answer".
    /// </summary>
    public static string LegNotJoined(string who, string? status) => Sentence(status switch
    {
        "busy" => $"{who} was busy.",
        "no-answer" => $"{who} did not answer.",
        "canceled" => $"the call to {who} was cancelled before it was answered.",
        "completed" => $"{who} hung up before joining the call.",
        _ => $"Twilio could not connect {who} (the number may be wrong or unreachable).",
    });

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Code(Exception e) => e is ApiException api && api.Code != 0 ? api.Code.ToString(CultureInfo.InvariantCulture)
        : "unknown";
}
