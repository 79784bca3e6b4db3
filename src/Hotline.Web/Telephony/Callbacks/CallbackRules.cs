using System.Globalization;
using Hotline.Core.Callbacks;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.Callbacks;

/// <summary>The rules of a callback that need no Twilio: may we call now, how to listen for a machine, what Twilio's words mean.</summary>
public static class CallbackRules
{
    /// <summary>Null when the caller may be called now; otherwise why not, in words (outside the window: when it opens).</summary>
    public static string? Refusal(Case @case, Flow flow, DateTimeOffset now, bool twilioCanReportBack)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(flow);
        if (@case.Status == CaseStatus.Closed) return "This case is closed: reopen it before calling back.";
        if (string.IsNullOrWhiteSpace(@case.CallerNumber)) return "The caller's number was withheld: there is no number to call back.";
        if (@case.CallbackAllowed != true) return "The caller did not allow a callback: do not call.";
        if (CallbackWindow.For(flow, @case.CallbackWindow) is not { } window)
        {
            return $"The caller's safe window \"{@case.CallbackWindow}\" is not one of the line's windows "
                + $"({string.Join(", ", flow.CallbackWindows.Keys)}), so the service cannot tell when a call is safe. "
                + "Choose one in the safe-contact details first.";
        }
        if (!window.IsOpen(now))
        {
            var opens = window.FirstOpenAt(now);
            return opens is { } at
                ? $"Outside the caller's safe window, {window.Words}: it opens {When(at, flow)}. Nothing was dialled."
                : $"The caller's safe window, {window.Words}, never opens. Nothing was dialled.";
        }
        if (@case.CallbackDueAt is { } due && due > now)
            return $"The next try is not due yet: the pathway's retry rule waits until {When(due, flow)}. Nothing was dialled.";
        if (!twilioCanReportBack)
        {
            return "The service cannot call back: Hotline:PublicBaseUrl is not set, so Twilio could not tell it whether a person "
                + "or a machine answered. Ask an admin.";
        }
        return null;
    }

    /// <summary>
    /// Where a voicemail may be left, detection waits for the greeting to end (so the message follows the beep);
    /// otherwise it reports a machine as soon as it hears one, and we hang up.
    /// </summary>
    public static string MachineDetectionFor(Case @case) => @case.VoicemailAllowed == true ? "DetectMessageEnd" : "Enable";

    /// <summary>Twilio's AnsweredBy: a person (or detection could not tell, which is most often a quiet person).</summary>
    public static bool IsPerson(string? answeredBy) => answeredBy is "human" or "unknown";

    /// <summary>A machine whose greeting is over: the moment a message may be left.</summary>
    public static bool GreetingEnded(string? answeredBy) => answeredBy is { } a && a.StartsWith("machine_end", StringComparison.Ordinal);

    /// <summary>The outcome of a call that ended before detection said anything, from Twilio's final CallStatus.</summary>
    public static (CallbackOutcome Outcome, string Words) FromFinalStatus(string? callStatus) => callStatus switch
    {
        "busy" => (CallbackOutcome.Busy, "The line was busy."),
        "no-answer" => (CallbackOutcome.NoAnswer, "Nobody answered."),
        "completed" => (CallbackOutcome.NoAnswer, "The phone was picked up and put down before anyone spoke."),
        "canceled" => (CallbackOutcome.Failed, "The call was cancelled before it rang."),
        _ => (CallbackOutcome.Failed, "Twilio could not put the call through."),
    };

    public static string Words(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Answered => "a person answered",
        CallbackOutcome.NoAnswer => "no answer",
        CallbackOutcome.Machine => "an answering machine",
        CallbackOutcome.Busy => "busy",
        _ => "failed",
    };

    /// <summary>Attempts at the case's current promise: those since the last attempt that ended a promise (kept or given up).</summary>
    public static async Task<int> AttemptsSincePromiseAsync(HotlineDbContext db, Guid caseId, CancellationToken ct)
    {
        var attempts = db.CallbackAttempts.Where(a => a.CaseId == caseId);
        var lastEnd = await attempts.Where(a => a.Promise == CallbackPromise.Kept || a.Promise == CallbackPromise.GaveUp)
            .MaxAsync(a => (DateTimeOffset?)a.StartedAt, ct);
        return await attempts.CountAsync(a => lastEnd == null || a.StartedAt > lastEnd, ct);
    }

    public static string When(DateTimeOffset at, Flow flow) =>
        TimeZoneInfo.ConvertTime(at, flow.TimeZone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}
