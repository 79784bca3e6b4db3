using System.Globalization;
using Hotline.Core.Referrals;

namespace Hotline.Web.Referrals;

/// <summary>
/// Opening hours as one line an administrator can read and type: "Mon,Tue,Wed 08:00-18:00; Sat 10:00-14:00".
/// Empty (or "24/7") is always open. Round-trips with <see cref="WeeklyHours"/>.
/// </summary>
public static class HoursText
{
    public const string AlwaysOpen = "24/7";

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static string? Format(WeeklyHours? hours)
    {
        if (hours is null) return null;
        var groups = hours.Windows
            .GroupBy(w => (w.Opens, w.Closes))
            .Select(g => string.Join(",", g.Select(w => w.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).Select(d => DayNames[(int)d]))
                + $" {g.Key.Opens:HH\\:mm}-{g.Key.Closes:HH\\:mm}");
        return string.Join("; ", groups);
    }

    /// <summary>Parses the text; returns false with a sentence fit for the form when it cannot.</summary>
    public static bool TryParse(string? text, out WeeklyHours? hours, out string? error)
    {
        hours = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == AlwaysOpen) return true;
        var windows = new List<OpeningWindow>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var times = pieces.Length == 2 ? pieces[1].Split('-') : [];
            if (times.Length != 2
                || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close))
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
        hours = new WeeklyHours(windows);
        return true;
    }

    public static WeeklyHours? Parse(string? text) =>
        TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);
}
