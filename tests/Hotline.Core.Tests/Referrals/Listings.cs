using Hotline.Core.Hours;
using Hotline.Core.Referrals;

namespace Hotline.Core.Tests.Referrals;

internal static class Listings
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>Weekdays 09:00-17:00 Chicago time.</summary>
    public static readonly WeeklyHours OfficeHours = new(
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new OpeningWindow(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))],
        Chicago);

    /// <summary>Wednesday 2026-11-25 12:00 in Chicago (UTC-6).</summary>
    public static readonly DateTimeOffset WednesdayNoon = new(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);

    /// <summary>Wednesday 2026-11-25 22:00 in Chicago.</summary>
    public static readonly DateTimeOffset WednesdayNight = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    public static AgencyListing Agency(
        string name,
        AgencyType type = AgencyType.Shelter,
        string jurisdiction = "TX",
        string language = "en",
        WeeklyHours? hours = null,
        bool active = true,
        int order = 1) =>
        new(Guid.NewGuid(), name, type, new HashSet<string>(), new HashSet<string> { jurisdiction },
            new HashSet<string> { language }, hours, Chicago, active, order);
}
