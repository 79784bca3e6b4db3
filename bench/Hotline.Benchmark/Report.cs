using System.Globalization;

namespace Hotline.Benchmark;

/// <summary>Prints the figures of a run: per-webhook latency and SQL, throughput, errors, memory.</summary>
public static class Report
{
    public static void Load(BenchOptions options, ILoadRun runner, LatencyRecorder latencies,
        IReadOnlyDictionary<string, long>? sql, IReadOnlyList<ResourceSampler.Sample> memory)
    {
        var samples = latencies.Samples;
        var seconds = runner.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"{"webhook",-32} {"count",7}  latency{"",51} {"SQL",7}");
        foreach (var group in samples.GroupBy(s => s.Path).OrderBy(g => g.Key))
        {
            var perRequest = sql is not null && sql.TryGetValue(group.Key, out var commands) ? $"{commands / (double)group.Count(),7:F2}"
                : "      -";
            Console.WriteLine($"{group.Key,-32} {group.Count(),7}  {LatencyRecorder.Summary(group)} {perRequest}");
        }
        var totalSql = sql is null ? ""
            : $"; SQL round trips per webhook: {PerWebhook(sql, samples.Count):F2} (every Npgsql command, Hangfire's included)";
        Console.WriteLine($"{"all",-32} {samples.Count,7}  {LatencyRecorder.Summary(samples)}");
        Console.WriteLine();
        Console.WriteLine(
            $"throughput: {samples.Count / seconds:F0} webhooks/s, {runner.CompletedCount / seconds:F1} {runner.Unit}/s " +
            $"over {seconds:F1} s; " +
            $"{runner.CompletedCount} {runner.Unit} completed, {runner.Failed} failed{totalSql}");
        var errors = samples.Where(s => s.Status is not (200 or 204)).GroupBy(s => s.Status)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}").ToList();
        Console.WriteLine($"errors: {(errors.Count == 0 ? "0" : string.Join(", ", errors))}");
        foreach (var e in runner.FirstErrors) Console.WriteLine($"  e.g. {e}");
        if (options.Mode == "burst")
        {
            var incoming = samples.Where(s => s.Path == "/twilio/voice/incoming").ToList();
            Console.WriteLine(
                $"burst: {incoming.Count(s => s.Status == 200)} of {options.Calls} callers got TwiML for their first webhook; incoming " +
                $"{LatencyRecorder.Summary(incoming)}");
        }
        if (samples.Count > 0 && seconds > 120)
        {
            var end = samples.Max(s => s.AtSeconds);
            Console.WriteLine($"latency first minute: {LatencyRecorder.Summary(samples.Where(s => s.AtSeconds < 60))}");
            Console.WriteLine($"latency last minute:  {LatencyRecorder.Summary(samples.Where(s => s.AtSeconds > end - 60))}");
        }
        if (memory.Count > 1)
        {
            var first = memory.FirstOrDefault(m => m.AtSeconds >= Math.Min(60, memory[^1].AtSeconds / 2));
            Console.WriteLine(
                $"memory: working set {Mb(first.WorkingSet)} MB at {first.AtSeconds:F0} s -> {Mb(memory[^1].WorkingSet)} MB at " +
                $"{memory[^1].AtSeconds:F0} s " +
                              $"(peak {Mb(memory.Max(m => m.WorkingSet))} MB); managed heap {Mb(first.ManagedHeap)} -> " +
                                  $"{Mb(memory[^1].ManagedHeap)} MB (process: service + callers)");
        }
    }

    /// <summary>The chat's own figures: messages both ways per second and the replies' delivery latency.</summary>
    public static void Chat(ChatLoadRunner chats, LatencyRecorder latencies)
    {
        var delivery = chats.DeliveryMillis.Order().ToList();
        var requests = latencies.Samples.Where(s => s.Path.StartsWith("POST /chat/api/messages", StringComparison.Ordinal));
        Console.WriteLine(
            $"chat: {chats.Messages} messages sent (visitors' with the intake, advocates' replies) = " +
            $"{chats.Messages / chats.Elapsed.TotalSeconds:F0} messages/s; visitor message {LatencyRecorder.Summary(requests)}");
        Console.WriteLine(
            $"delivery (advocate's send -> visitor fetched it after the push): {delivery.Count} replies, " +
            $"p50 {LatencyRecorder.Percentile(delivery, 50):F1}  p95 {LatencyRecorder.Percentile(delivery, 95):F1}  " +
            $"p99 {LatencyRecorder.Percentile(delivery, 99):F1}  max {(delivery.Count == 0 ? 0 : delivery[^1]):F1} ms");
    }

    private static double PerWebhook(IReadOnlyDictionary<string, long> counts, int webhooks) =>
        counts.Where(
            p => (p.Key.StartsWith("/twilio/", StringComparison.Ordinal) || p.Key.StartsWith("/chat/api/", StringComparison.Ordinal))
                && !p.Key.EndsWith("/baseline", StringComparison.Ordinal))
            .Sum(p => p.Value) / (double)Math.Max(1, webhooks);

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
