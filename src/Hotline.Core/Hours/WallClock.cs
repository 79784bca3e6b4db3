namespace Hotline.Core.Hours;

/// <summary>Turns a local wall-clock time in a zone into an instant, across daylight-saving changes.</summary>
internal static class WallClock
{
    /// <summary>
    /// The instant the zone's clocks show <paramref name="local"/>. Springing forward skips some local times: one in
    /// that gap is taken as the moment the clocks jump past it (the gap's end, the first instant showing a later
    /// time). Falling back shows some local times twice: the first is taken, so nothing opens an hour late.
    /// </summary>
    public static DateTimeOffset Instant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant (daylight time, before the clocks go back).
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        if (zone.IsInvalidTime(local))
        {
            local = GapEnd(local, zone);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>
    /// The local time the clocks jump to over the gap holding <paramref name="local"/>, from the zone's rule for that
    /// day: the transition's local time plus its daylight delta.
    /// </summary>
    private static DateTime GapEnd(DateTime local, TimeZoneInfo zone)
    {
        foreach (var rule in zone.GetAdjustmentRules().Where(r => r.DateStart <= local.Date && local.Date <= r.DateEnd))
        {
            var jump = OnYear(rule.DaylightTransitionStart, local.Year);
            if (jump <= local && local < jump + rule.DaylightDelta)
            {
                return jump + rule.DaylightDelta;
            }
        }

        // No rule describes the gap (an unusual zone): read the time with the offset in force before it, which
        // lands as far past the gap's end as the time was past its start.
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, zone.BaseUtcOffset), zone).DateTime;
    }

    /// <summary>The local date and time of a transition in a year (fixed date, or the n-th weekday of a month; 5 = last).</summary>
    private static DateTime OnYear(TimeZoneInfo.TransitionTime transition, int year)
    {
        DateTime date;
        if (transition.IsFixedDateRule)
        {
            date = new DateTime(year, transition.Month, transition.Day);
        }
        else
        {
            var first = new DateTime(year, transition.Month, 1);
            date = first.AddDays((((int)transition.DayOfWeek - (int)first.DayOfWeek + 7) % 7) + (7 * (transition.Week - 1)));
            if (date.Month != transition.Month)
            {
                date = date.AddDays(-7);
            }
        }

        return date + transition.TimeOfDay.TimeOfDay;
    }
}
