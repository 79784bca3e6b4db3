namespace Hotline.Benchmark;

/// <summary>
/// Real time, shifted onto a weekday afternoon in the hotline's time zone, so every simulated call finds the
/// advocates open and walks the queue path whenever the benchmark runs (at night it would go to voicemail).
/// </summary>
public sealed class OpenHoursClock : TimeProvider
{
    // Wednesday 2 December 2026, 14:00 in Chicago: inside the national flow's hours, not a holiday.
    private static readonly DateTimeOffset Afternoon = new(2026, 12, 2, 20, 0, 0, TimeSpan.Zero);
    private readonly TimeSpan _shift = Afternoon - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
