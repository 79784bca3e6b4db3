using Hotline.Core.Hours;

namespace Hotline.Core.Tests.Hours;

public class WeeklyHoursTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    /// <summary>Friday 22:00 to Saturday 06:00, Chicago time.</summary>
    private static readonly WeeklyHours FridayNight =
        new([new OpeningWindow(DayOfWeek.Friday, new TimeOnly(22, 0), new TimeOnly(6, 0))], Chicago);

    [Fact]
    public void IsOpen_WindowPastMidnight_OpenEarlyNextDayInZone()
    {
        // 2026-11-28 is a Saturday; Chicago is UTC-6.
        Assert.True(FridayNight.IsOpen(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.FromHours(-6))));
        Assert.False(FridayNight.IsOpen(new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.FromHours(-6))));
        Assert.True(FridayNight.IsOpen(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.FromHours(-6))));
    }

    [Fact]
    public void NextOpening_Open_ReturnsNow()
    {
        var fridayMidnight = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(-6));

        Assert.Equal(fridayMidnight, FridayNight.NextOpening(fridayMidnight));
    }

    [Fact]
    public void NextOpening_Closed_NextWindowStartEvenAWeekAhead()
    {
        var saturdayNoon = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(-6));

        Assert.Equal(new DateTimeOffset(2026, 12, 4, 22, 0, 0, TimeSpan.FromHours(-6)), FridayNight.NextOpening(saturdayNoon));
    }

    [Fact]
    public void NextOpening_NoWindow_Null()
    {
        Assert.Null(new WeeklyHours([], Chicago).NextOpening(DateTimeOffset.UnixEpoch));
    }
}
