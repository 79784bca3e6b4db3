using Hotline.Core.Hours;

namespace Hotline.Core.Tests.Hours;

public class HoursTextTests
{
    [Theory]
    [InlineData("Mon,Tue,Wed,Thu,Fri 08:00-18:00; Sat 22:00-06:00")]
    [InlineData("Sun 00:00-23:59")]
    [InlineData("Fri 20:00-24:00")]
    public void FormatOfParse_RoundTrips(string text)
    {
        Assert.Equal(text, HoursText.Format(HoursText.Parse(text, TimeZoneInfo.Utc)));
    }

    [Fact]
    public void TryParse_UnknownDay_ExplainsTheFormat()
    {
        Assert.False(HoursText.TryParse("Mo 08:00-18:00", TimeZoneInfo.Utc, out _, out var error));
        Assert.Contains("not a day", error);
        Assert.True(HoursText.TryParse("24/7", TimeZoneInfo.Utc, out var always, out _));
        Assert.Null(always);
    }

    [Theory]
    [InlineData("22:00-06:00", 22, 6)]
    [InlineData("9:30-17:00", 9, 17)]
    [InlineData("00:00-24:00", 0, 0)]
    public void TryParseTimes_Accepted(string text, int opens, int closes)
    {
        Assert.True(HoursText.TryParseTimes(text, out var open, out var close));
        Assert.Equal(opens, open.Hour);
        Assert.Equal(closes, close.Hour);
    }

    [Theory]
    [InlineData("09:00-09:00")]
    [InlineData("00:00-00:00")]
    [InlineData("24:00-06:00")]
    [InlineData("09:00-25:00")]
    [InlineData("09:60-10:00")]
    [InlineData("9am-5pm")]
    public void TryParseTimes_Refused(string text)
    {
        Assert.False(HoursText.TryParseTimes(text, out _, out _));
    }

    [Fact]
    public void Format_WindowClosingAtMidnight_ReadsTwentyFour()
    {
        var hours = new WeeklyHours([new OpeningWindow(DayOfWeek.Saturday, new TimeOnly(18, 0), TimeOnly.MinValue)], TimeZoneInfo.Utc);

        Assert.Equal("Sat 18:00-24:00", HoursText.Format(hours));
    }
}
