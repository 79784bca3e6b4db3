using System.Globalization;
using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>
/// Opening hours and callback windows on the days the clocks change, in both shipped time zones. The transitions
/// (2026): Chicago springs forward on 8 March at 02:00 (08:00 UTC) and falls back on 1 November at 02:00 (07:00
/// UTC); London springs forward on 29 March at 01:00 (01:00 UTC) and falls back on 25 October at 02:00 (01:00 UTC).
/// Times below are UTC; the comments give the clock on the wall.
/// </summary>
public class DaylightSavingTests
{
    /// <summary>A small valid flow in <paramref name="zone"/>, open on Sundays during <paramref name="sunday"/>.</summary>
    private static Flow Flow(string zone, string sunday = "09:00-17:00", string window = "08:00-20:00") =>
        FlowLoader.Parse(FlowValidationTests.Valid
            .Replace("time_zone: America/Chicago", $"time_zone: {zone}", StringComparison.Ordinal)
            .Replace("monday: \"09:00-17:00\"", $"sunday: \"{sunday}\"", StringComparison.Ordinal)
            .Replace("any: \"08:00-20:00\"", $"any: \"{window}\"", StringComparison.Ordinal), "dst.yaml");

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("America/Chicago", "02:30-04:00", "2026-03-08T07:00Z", "2026-03-08T08:00Z", -5)] // 01:00 CST -> 03:00 CDT
    [InlineData("Europe/London", "01:30-03:00", "2026-03-29T00:30Z", "2026-03-29T01:00Z", 1)]   // 00:30 GMT -> 02:00 BST
    [InlineData("America/Chicago", "08:00-12:00", "2026-03-08T04:00Z", "2026-03-08T13:00Z", -5)] // Sat 22:00 CST -> 08:00 CDT
    public void SpringForward_CallbackWindow_OpensAtTheFirstClockTimeInIt(
        string zone, string window, string now, string expected, int offsetHours)
    {
        var next = Flow(zone, window: window).NextCallbackTime("any", At(now));

        Assert.Equal(At(expected), next);
        Assert.Equal(TimeSpan.FromHours(offsetHours), next.Offset);
    }

    [Theory]
    [InlineData("America/Chicago", "02:30-05:00", "2026-03-08T07:59Z", false)] // 01:59 CST
    [InlineData("America/Chicago", "02:30-05:00", "2026-03-08T08:00Z", true)]  // 03:00 CDT: the clocks jumped into the hours
    [InlineData("America/Chicago", "02:30-05:00", "2026-03-08T10:00Z", false)] // 05:00 CDT
    [InlineData("Europe/London", "01:30-04:00", "2026-03-29T00:59Z", false)]   // 00:59 GMT
    [InlineData("Europe/London", "01:30-04:00", "2026-03-29T01:00Z", true)]    // 02:00 BST
    [InlineData("Europe/London", "01:30-04:00", "2026-03-29T03:00Z", false)]   // 04:00 BST
    public void SpringForward_OpeningHoursFromTheGap_OpenFromTheJump(string zone, string sunday, string now, bool open)
    {
        Assert.Equal(open, Flow(zone, sunday: sunday).IsOpen(At(now)));
    }

    [Theory]
    [InlineData("America/Chicago", "2026-11-01T05:00Z", "2026-11-01T06:30Z")] // 00:00 CDT -> 01:30 CDT, not 01:30 CST
    [InlineData("Europe/London", "2026-10-24T23:30Z", "2026-10-25T00:30Z")]   // 00:30 BST -> 01:30 BST, not 01:30 GMT
    public void FallBack_CallbackWindowInTheRepeatedHour_TakesTheFirst(string zone, string now, string expected)
    {
        Assert.Equal(At(expected), Flow(zone, window: "01:30-03:00").NextCallbackTime("any", At(now)));
    }

    [Theory]
    [InlineData("America/Chicago", "2026-11-01T14:30Z", false)] // 08:30 CST (09:30 had daylight time stayed)
    [InlineData("America/Chicago", "2026-11-01T15:00Z", true)]  // 09:00 CST
    [InlineData("America/Chicago", "2026-11-01T23:00Z", false)] // 17:00 CST
    [InlineData("Europe/London", "2026-10-25T08:30Z", false)]   // 08:30 GMT
    [InlineData("Europe/London", "2026-10-25T09:00Z", true)]    // 09:00 GMT
    [InlineData("Europe/London", "2026-10-25T17:00Z", false)]   // 17:00 GMT
    public void FallBack_OpeningHours_InTheNewLocalTime(string zone, string now, bool open)
    {
        Assert.Equal(open, Flow(zone).IsOpen(At(now)));
    }
}
