using Hotline.Web.Operators;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>A live call's legs on the case timeline: who was called, joined, left (with minutes) or failed, and why.</summary>
public static class LiveCallTimeline
{
    public static IEnumerable<TimelineEntry> Entries(IReadOnlyList<LiveCallLeg> legs)
    {
        foreach (var leg in legs.Where(l => l.Role != LegRole.Caller))
        {
            var who = Who(leg);
            yield return new TimelineEntry(leg.CreatedAt, "call", $"{who} called", null);
            if (leg.JoinedAt is { } joined) yield return new TimelineEntry(joined, "call", $"{who} joined the call", null);
            if (leg.State == LegState.Failed)
                yield return new TimelineEntry(leg.LeftAt ?? leg.CreatedAt, "call", $"{who} did not join", leg.Failure);
            else if (leg.LeftAt is { } left && leg.OnCall(left) is { } minutes)
                yield return new TimelineEntry(left, "call", $"{who} left the call", $"on the call {Minutes(minutes)}");
        }
        if (legs.FirstOrDefault(l => l.Role == LegRole.Caller) is { JoinedAt: { } callerJoined } caller)
        {
            yield return new TimelineEntry(callerJoined, "call", "Caller joined the live call", null);
            if (caller.LeftAt is { } callerLeft) yield return new TimelineEntry(callerLeft, "call", "Caller left the live call", null);
        }
    }

    /// <summary>"4:12" (minutes:seconds), as the board shows time on a call; interpreters are billed by it.</summary>
    public static string Minutes(TimeSpan span) =>
        $"{(int)span.TotalMinutes}:{span.Seconds:00}";

    public static string Who(LiveCallLeg leg) => leg.Role switch
    {
        LegRole.Advocate => $"Advocate {leg.Label}",
        LegRole.Interpreter => $"Interpreter {leg.Label}",
        LegRole.Supervisor => $"Supervisor {leg.Label} ({leg.Detail})",
        LegRole.Outside => leg.Label,
        _ => "Caller",
    };

    /// <summary>Audit actions of live calls in the timeline's words; null for others.</summary>
    public static string? Words(string action) => action switch
    {
        "call.requeue" => "Caller put back in the queue",
        "call.interpreter" => "Interpreter added",
        "call.outside" => "Outside line called",
        "call.hold" => "Caller put on hold",
        "call.unhold" => "Caller taken off hold",
        "call.mute" => "Advocate muted",
        "call.unmute" => "Advocate unmuted",
        "call.remove" => "Removed from the call",
        "call.leave" => "Advocate left the call",
        "call.listen" => "Supervisor listening",
        "call.whisper" => "Supervisor whispering",
        _ => null,
    };
}
