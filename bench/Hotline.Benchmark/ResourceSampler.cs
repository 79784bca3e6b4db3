using System.Diagnostics;

namespace Hotline.Benchmark;

/// <summary>Samples this process's working set and managed heap every few seconds (soak: is memory flat?).</summary>
public sealed class ResourceSampler : IAsyncDisposable
{
    public readonly record struct Sample(double AtSeconds, long WorkingSet, long ManagedHeap);

    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceSampler(TimeSpan every)
    {
        var clock = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            do
            {
                using var process = Process.GetCurrentProcess();
                lock (_samples) _samples.Add(new Sample(clock.Elapsed.TotalSeconds, process.WorkingSet64, GC.GetTotalMemory(false)));
            } while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result));
        });
    }

    public IReadOnlyList<Sample> Samples { get { lock (_samples) return [.. _samples]; } }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
