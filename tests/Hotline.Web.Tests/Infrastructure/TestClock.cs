namespace Hotline.Web.Tests.Infrastructure;

/// <summary>A clock tests can set and move. Starts on a Wednesday afternoon in Chicago (inside open hours).</summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset WednesdayAfternoon = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);
    private DateTimeOffset _now = WednesdayAfternoon;

    public override DateTimeOffset GetUtcNow() => _now;
    public void Set(DateTimeOffset now) => _now = now;
    public void Advance(TimeSpan by) => _now += by;
}
