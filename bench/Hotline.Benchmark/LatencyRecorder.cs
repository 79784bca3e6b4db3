using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hotline.Benchmark;

/// <summary>Every webhook's latency, by path, with the moment it finished (for start-versus-end comparisons).</summary>
public sealed class LatencyRecorder
{
    public readonly record struct Sample(string Path, int Status, double Millis, double AtSeconds);

    private readonly ConcurrentQueue<Sample> _samples = new();
    private readonly long _started = Stopwatch.GetTimestamp();

    public void Record(string path, int status, TimeSpan elapsed) =>
        _samples.Enqueue(new Sample(path, status, elapsed.TotalMilliseconds, Stopwatch.GetElapsedTime(_started).TotalSeconds));

    public IReadOnlyList<Sample> Samples => [.. _samples];

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(IEnumerable<Sample> samples)
    {
        var ms = samples.Select(s => s.Millis).Order().ToList();
        return ms.Count == 0 ? "no samples"
            : $"p50 {Percentile(ms, 50),7:F1}  p95 {Percentile(ms, 95),7:F1}  p99 {Percentile(ms, 99),7:F1}  max {ms[^1],7:F1} ms";
    }
}
