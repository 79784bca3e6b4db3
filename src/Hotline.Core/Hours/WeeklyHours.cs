namespace Hotline.Core.Hours;

/// <summary>
/// When someone can be reached, week by week, in their own time zone: the hotline's opening hours, the callback
/// windows a caller chooses from (their safe-contact window), an agency's hours. Windows are local times and may
/// run past midnight; daylight saving is the zone's business (see <see cref="WallClock"/>).
/// </summary>
public sealed record WeeklyHours(IReadOnlyList<OpeningWindow> Windows, TimeZoneInfo TimeZone)
{
    /// <summary>The same times on every day of the week, as a callback window is.</summary>
    public static WeeklyHours Daily(IEnumerable<(TimeOnly Opens, TimeOnly Closes)> times, TimeZoneInfo timeZone) =>
        new([.. Enum.GetValues<DayOfWeek>().SelectMany(day => times.Select(t => new OpeningWindow(day, t.Opens, t.Closes)))], timeZone);

    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Windows.Any(w => w.Contains(local.DayOfWeek, time));
    }

    /// <summary>
    /// <paramref name="now"/> when open, else the next instant a window opens (the first instant <see cref="IsOpen"/>
    /// holds, also across a daylight-saving change); null when no window ever opens.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now)
    {
        if (IsOpen(now))
        {
            return now;
        }

        // Every window opens once in the next seven days; the eighth covers a window later today a week on.
        var today = TimeZoneInfo.ConvertTime(now, TimeZone).Date;
        return Enumerable.Range(0, 8)
            .Select(days => today.AddDays(days))
            .SelectMany(date => Windows.Where(w => w.Day == date.DayOfWeek)
                .Select(w => WallClock.Instant(date + w.Opens.ToTimeSpan(), TimeZone)))
            .Where(opening => opening > now)
            .Select(opening => (DateTimeOffset?)opening)
            .Min();
    }
}
