using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotline.Core.Hours;

/// <summary>
/// Opening hours in words, the one way they are shown and typed: "Mon,Tue,Wed 08:00-18:00; Sat 22:00-06:00".
/// Empty (or "24/7") is always open. Times are written <c>HH:MM-HH:MM</c> here and in flow files alike.
/// </summary>
public static partial class HoursText
{
    public const string AlwaysOpen = "24/7";

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly TimeOnly Midnight = TimeOnly.MinValue;

    public static string? Format(WeeklyHours? hours)
    {
        if (hours is null)
        {
            return null;
        }

        var groups = hours.Windows
            .GroupBy(w => (w.Opens, w.Closes))
            .Select(g => string.Join(",", g.Select(w => w.Day).Distinct().OrderBy(MondayFirst).Select(d => DayNames[(int)d]))
                + " " + Times(g.Key.Opens, g.Key.Closes));
        return string.Join("; ", groups);
    }

    /// <summary>"09:00-17:00"; a window closing at midnight reads "22:00-24:00".</summary>
    public static string Times(TimeOnly opens, TimeOnly closes) =>
        $"{opens:HH\\:mm}-{(closes == Midnight ? "24:00" : closes.ToString("HH\\:mm", CultureInfo.InvariantCulture))}";

    /// <summary>
    /// Reads "09:00-17:00". 24:00 closes at midnight; a close before the open runs past midnight ("22:00-06:00");
    /// "00:00-24:00" is the whole day, and any other range that opens and closes at the same time is refused.
    /// </summary>
    public static bool TryParseTimes(string text, out TimeOnly opens, out TimeOnly closes)
    {
        opens = closes = Midnight;
        var m = TimesPattern().Match(text.Trim());
        if (!m.Success
            || Time(m.Groups[1].Value, m.Groups[2].Value) is not { } start || start == TimeSpan.FromDays(1)
            || Time(m.Groups[3].Value, m.Groups[4].Value) is not { } end)
        {
            return false;
        }

        opens = TimeOnly.FromTimeSpan(start);
        closes = end == TimeSpan.FromDays(1) ? Midnight : TimeOnly.FromTimeSpan(end);
        var wholeDay = start == TimeSpan.Zero && end == TimeSpan.FromDays(1);
        return opens != closes || wholeDay;
    }

    /// <summary>Parses the words; returns false with a sentence fit for a form when it cannot.</summary>
    public static bool TryParse(string? text, TimeZoneInfo timeZone, out WeeklyHours? hours, out string? error)
    {
        hours = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == AlwaysOpen)
        {
            return true;
        }

        var windows = new List<OpeningWindow>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (pieces.Length != 2 || !TryParseTimes(pieces[1], out var open, out var close))
            {
                error = $"'{part}' is not like 'Mon,Tue 08:00-18:00'";
                return false;
            }

            foreach (var name in pieces[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var day = Array.FindIndex(DayNames, d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
                if (day < 0)
                {
                    error = $"'{name}' is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun)";
                    return false;
                }

                windows.Add(new OpeningWindow((DayOfWeek)day, open, close));
            }
        }

        hours = new WeeklyHours(windows, timeZone);
        return true;
    }

    public static WeeklyHours? Parse(string? text, TimeZoneInfo timeZone) =>
        TryParse(text, timeZone, out var hours, out var error) ? hours : throw new FormatException(error);

    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    private static TimeSpan? Time(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        return m > 59 || h > 24 || (h == 24 && m != 0) ? null : new TimeSpan(h, m, 0);
    }

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")]
    private static partial Regex TimesPattern();
}
