using static Hotline.Core.Tests.Flows.FlowFixtures;

namespace Hotline.Core.Tests.Flows;

public class FlowScheduleTests
{
    [Fact]
    public void IsOpen_WeekdayNoon_True() => Assert.True(National.IsOpen(ChicagoNoon));

    [Fact]
    public void IsOpen_WeekdayThreeAm_False() => Assert.False(National.IsOpen(ChicagoNight));

    [Fact]
    public void IsOpen_Holiday_False() => Assert.False(National.IsOpen(ChicagoHolidayNoon));

    [Fact]
    public void IsOpen_InstantGivenInUtc_UsesFlowTimeZone()
    {
        // 06:30 UTC is 00:30 in Chicago (closed) but 06:30 in London (also closed); 13:30 UTC is 07:30 in Chicago (open).
        Assert.False(National.IsOpen(new DateTimeOffset(2026, 11, 25, 6, 30, 0, TimeSpan.Zero)));
        Assert.True(National.IsOpen(new DateTimeOffset(2026, 11, 25, 13, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void IsOpen_UkSaturdayLunchBreak_False()
    {
        var saturday = new DateTimeOffset(2026, 11, 28, 13, 30, 0, TimeSpan.Zero);

        Assert.False(Uk.IsOpen(saturday));
        Assert.True(Uk.IsOpen(saturday.AddHours(1)));
    }

    [Fact]
    public void NextCallbackTime_InsideWindow_ReturnsNow()
    {
        var tenAm = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(-6));

        Assert.Equal(tenAm, National.NextCallbackTime("morning", tenAm));
    }

    [Fact]
    public void NextCallbackTime_AfterWindow_NextDayWindowStartInFlowZone()
    {
        var tenPm = new DateTimeOffset(2026, 11, 25, 22, 0, 0, TimeSpan.FromHours(-6));

        var next = National.NextCallbackTime("morning", tenPm);

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(-6)), next);
    }

    [Fact]
    public void NextCallbackTime_BeforeWindowSameDay_ReturnsTodayStart()
    {
        var nineAmUtcIsThreeAmChicago = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

        var next = National.NextCallbackTime("evening", nineAmUtcIsThreeAmChicago);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 23, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void NextCallbackTime_LondonSummer_UsesBritishSummerTime()
    {
        var sevenUtc = new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero); // 08:00 BST

        var next = Uk.NextCallbackTime("morning", sevenUtc);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), next); // 09:00 BST
        Assert.Equal(TimeSpan.FromHours(1), next.Offset);
    }

    [Fact]
    public void NextCallbackTime_NullOrUnknownWindow_ReturnsNow()
    {
        Assert.Equal(ChicagoNight, National.NextCallbackTime(null, ChicagoNight));
        Assert.Equal(ChicagoNight, National.NextCallbackTime("midnight", ChicagoNight));
    }
}
