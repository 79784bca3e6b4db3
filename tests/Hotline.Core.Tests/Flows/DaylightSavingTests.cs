using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>
/// Opening hours and callback windows on the days the clocks change, in both shipped time zones. The transitions
/// (2026): Chicago springs forward on 8 March at 02:00 (08:00 UTC) and falls back on 1 November at 02:00 (07:00
/// UTC); London springs forward on 29 March at 01:00 (01:00 UTC) and falls back on 25 October at 02:00 (01:00 UTC).
/// </summary>
public class DaylightSavingTests
{
    /// <summary>A small valid flow in <paramref name="zone"/>, open on Sundays during <paramref name="sunday"/>.</summary>
    private static Flow Flow(string zone, string sunday = "09:00-17:00", string window = "08:00-20:00") =>
        FlowLoader.Parse(FlowValidationTests.Valid
            .Replace("time_zone: America/Chicago", $"time_zone: {zone}", StringComparison.Ordinal)
            .Replace("monday: \"09:00-17:00\"", $"sunday: \"{sunday}\"", StringComparison.Ordinal)
            .Replace("any: \"08:00-20:00\"", $"any: \"{window}\"", StringComparison.Ordinal), "dst.yaml");

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Chicago_SpringForward_CallbackWindowStartingInTheGap_OpensWhenClocksJump()
    {
        var flow = Flow("America/Chicago", window: "02:30-04:00");

        var next = flow.NextCallbackTime("any", Utc(3, 8, 7)); // 01:00 CST

        Assert.Equal(Utc(3, 8, 8), next); // 03:00 CDT, the first minute after 02:30 on the clock
        Assert.Equal(TimeSpan.FromHours(-5), next.Offset);
    }

    [Fact]
    public void Chicago_SpringForward_CallbackWindowAfterTheGap_UsesDaylightTime()
    {
        var flow = Flow("America/Chicago", window: "08:00-12:00");

        Assert.Equal(Utc(3, 8, 13), flow.NextCallbackTime("any", Utc(3, 8, 4))); // Saturday 22:00 CST -> Sunday 08:00 CDT
    }

    [Fact]
    public void Chicago_SpringForward_OpeningHoursFromTheGap_OpenFromTheJump()
    {
        var flow = Flow("America/Chicago", sunday: "02:30-05:00");

        Assert.False(flow.IsOpen(Utc(3, 8, 7, 59))); // 01:59 CST
        Assert.True(flow.IsOpen(Utc(3, 8, 8)));      // 03:00 CDT
        Assert.False(flow.IsOpen(Utc(3, 8, 10)));    // 05:00 CDT
    }

    [Fact]
    public void Chicago_FallBack_CallbackWindowInTheRepeatedHour_TakesTheFirst()
    {
        var flow = Flow("America/Chicago", window: "01:30-03:00");

        var next = flow.NextCallbackTime("any", Utc(11, 1, 5)); // 00:00 CDT

        Assert.Equal(Utc(11, 1, 6, 30), next); // 01:30 CDT, not 01:30 CST an hour later
    }

    [Fact]
    public void Chicago_FallBack_OpeningHours_InStandardTime()
    {
        var flow = Flow("America/Chicago");

        Assert.False(flow.IsOpen(Utc(11, 1, 14, 30))); // 08:30 CST (09:30 had daylight time stayed)
        Assert.True(flow.IsOpen(Utc(11, 1, 15)));      // 09:00 CST
        Assert.False(flow.IsOpen(Utc(11, 1, 23)));     // 17:00 CST
    }

    [Fact]
    public void London_SpringForward_CallbackWindowStartingInTheGap_OpensWhenClocksJump()
    {
        var flow = Flow("Europe/London", window: "01:30-03:00");

        var next = flow.NextCallbackTime("any", Utc(3, 29, 0, 30)); // 00:30 GMT

        Assert.Equal(Utc(3, 29, 1), next); // 02:00 BST
        Assert.Equal(TimeSpan.FromHours(1), next.Offset);
    }

    [Fact]
    public void London_SpringForward_OpeningHoursFromTheGap_OpenFromTheJump()
    {
        var flow = Flow("Europe/London", sunday: "01:30-04:00");

        Assert.False(flow.IsOpen(Utc(3, 29, 0, 59))); // 00:59 GMT
        Assert.True(flow.IsOpen(Utc(3, 29, 1)));      // 02:00 BST
        Assert.False(flow.IsOpen(Utc(3, 29, 3)));     // 04:00 BST
    }

    [Fact]
    public void London_FallBack_CallbackWindowInTheRepeatedHour_TakesTheFirst()
    {
        var flow = Flow("Europe/London", window: "01:30-03:00");

        var next = flow.NextCallbackTime("any", new DateTimeOffset(2026, 10, 24, 23, 30, 0, TimeSpan.Zero)); // 00:30 BST

        Assert.Equal(Utc(10, 25, 0, 30), next); // 01:30 BST, not 01:30 GMT an hour later
    }

    [Fact]
    public void London_FallBack_OpeningHours_InGreenwichTime()
    {
        var flow = Flow("Europe/London");

        Assert.False(flow.IsOpen(Utc(10, 25, 8, 30))); // 08:30 GMT
        Assert.True(flow.IsOpen(Utc(10, 25, 9)));      // 09:00 GMT
        Assert.False(flow.IsOpen(Utc(10, 25, 17)));    // 17:00 GMT
    }
}
