using Hotline.Core.Flows;
using System.Globalization;

namespace Hotline.Web.Operators;

/// <summary>Shows times in the hotline's own time zone (the flow's), so every operator reads the same clock.</summary>
public sealed class ConsoleClock(TimeProvider clock, Flow flow)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, flow.TimeZone);

    public string Time(DateTimeOffset? at) => at is { } a ? Local(a).ToString("HH:mm", CultureInfo.InvariantCulture) : "—";

    public string DateTime(DateTimeOffset? at) => at is { } a ? Local(a).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)
        : "—";

    /// <summary>"4 min", "1 h 05 min": short enough to read at a glance.</summary>
    public static string Span(TimeSpan span)
    {
        var s = span.Duration();
        var text = s.TotalMinutes < 1 ? $"{(int)s.TotalSeconds} s"
            : s.TotalHours < 1 ? $"{(int)s.TotalMinutes} min"
            : s.TotalDays < 1 ? $"{(int)s.TotalHours} h {s.Minutes:00} min"
            : $"{(int)s.TotalDays} d {s.Hours} h";
        return span < TimeSpan.Zero ? "-" + text : text;
    }

    /// <summary>Parses a yyyy-MM-dd date from a filter as the start of that day in the hotline's zone.</summary>
    public DateTimeOffset? StartOfDay(DateOnly? day)
    {
        if (day is not { } d) return null;
        var local = d.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, flow.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
