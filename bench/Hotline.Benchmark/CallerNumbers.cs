namespace Hotline.Benchmark;

/// <summary>
/// A different caller number for every simulated call, as in real load: the service limits webhooks per
/// caller number (flood protection), and a thousand calls from one number would be a flood.
/// </summary>
public static class CallerNumbers
{
    private static int _next;

    public static string Next() => "+1555"
        + (2_000_000 + Interlocked.Increment(ref _next) % 7_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
