using System.Collections.Concurrent;
using System.Diagnostics;
using Hotline.Simulator;

namespace Hotline.Benchmark;

/// <summary>
/// N concurrent simulated callers, each playing whole calls (incoming, every gather, the queue wait, the queue
/// result, the status callback) until the call count, the duration or the arrival schedule runs out.
/// </summary>
public sealed class LoadRunner(WebhookClient client, BenchOptions options) : ILoadRun
{
    public ConcurrentBag<CallTranscript> Completed { get; } = [];
    public int Failed => _failed;
    public ConcurrentQueue<string> FirstErrors { get; } = new();
    public TimeSpan Elapsed { get; private set; }
    public int CompletedCount => Completed.Count;
    public string Unit => "calls";
    IEnumerable<string> ILoadRun.FirstErrors => FirstErrors;
    private int _failed;

    public async Task RunAsync()
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var callOptions = new CallOptions { QueueResult = "bridged" };
        async Task Caller(int index)
        {
            await Task.Yield();
            // With a webhook rate, every caller keeps a person's pace (one webhook per interval), starting at
            // spread-out moments, so that N callers offer the rate between them.
            var caller = options.WebhookRate is { } webhookRate
                ? client.Paced(TimeSpan.FromSeconds(options.Callers / webhookRate),
                    TimeSpan.FromSeconds(options.Callers / webhookRate * index / options.Callers))
                : client;
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= options.Calls) return;
                if (options.Rate is { } rate)
                {
                    // Arrivals follow the schedule, not the callers' speed: a slow service builds a backlog, as in life.
                    var due = TimeSpan.FromSeconds(i / rate);
                    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                }
                if (options.Duration is { } duration && clock.Elapsed > duration) return;
                var sid = "CA" + Guid.NewGuid().ToString("N");
                try
                {
                    Completed.Add(
                        await new TwimlPlayer(caller, callOptions with { From = CallerNumbers.Next() }, new ScriptedInput(options.Keys))
                        .PlayCallAsync(sid));
                }
                catch (SimulationException e)
                {
                    Interlocked.Increment(ref _failed);
                    if (FirstErrors.Count < 5) FirstErrors.Enqueue(e.Message);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(Caller));
        Elapsed = clock.Elapsed;
    }

    /// <summary>The baseline: the same concurrency hammering the do-almost-nothing endpoint with real CallSids.</summary>
    public static async Task<(int Requests, TimeSpan Elapsed, int Errors)> BaselineAsync(
        WebhookClient client, IReadOnlyList<string> callSids, int callers, int requests)
    {
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        async Task Caller()
        {
            await Task.Yield();
            while (Interlocked.Increment(ref next) is var i && i < requests)
            {
                var form = new Dictionary<string, string>
                    { ["CallSid"] = callSids[i % callSids.Count], ["From"] = CallerNumbers.Next(), ["To"] = "+15550100000",
                        ["CallStatus"] = "in-progress" };
                try { await client.PostAsync("/twilio/voice/baseline", form); }
                catch (SimulationException) { Interlocked.Increment(ref errors); }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Caller()));
        return (requests, clock.Elapsed, errors);
    }
}
