using Hotline.Core.Flows;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotline.Web.Operators;

/// <summary>Shows times in the hotline's own time zone (the flow's), so every operator reads the same clock.</summary>
public sealed partial class ConsoleClock(TimeProvider clock, Flow flow)
{
    /// <summary>The zone every console time is in, named: "America/Chicago (UTC-06:00)".</summary>
    public string Zone
    {
        get
        {
            var offset = flow.TimeZone.GetUtcOffset(Now);
            var sign = offset < TimeSpan.Zero ? "-" : "+";
            return $"{flow.TimeZone.Id} (UTC{sign}{offset.Duration():hh\\:mm})";
        }
    }

    /// <summary>A date and time with its zone, for pages read outside the console (an agency's referral page).</summary>
    public string DateTimeWithZone(DateTimeOffset? at) => at is null ? "—" : $"{DateTime(at)} {flow.TimeZone.Id}";

    /// <summary>
    /// Rewrites UTC times written into stored text ("2026-12-02 03:15:00Z", as some audit details carry them) into the
    /// console's zone, so the audit log reads one clock.
    /// </summary>
    public string? InZone(string? text) => text is null ? null : UtcInText().Replace(text, m =>
        System.DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Local(at).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)
            : m.Value);

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex UtcInText();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Hangfire's dashboard writes times in the browser's zone with its own script; its title names the console's zone
    /// so a supervisor comparing the two knows which clock each page reads.
    /// </summary>
    public static string JobsTitle(IServiceProvider services) =>
        $"Hotline jobs · console times are {services.GetRequiredService<ConsoleClock>().Zone}; this page uses your browser's zone";

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
