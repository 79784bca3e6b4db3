using System.Collections.Concurrent;
using System.Diagnostics;
using Hotline.Simulator;

namespace Hotline.Benchmark;

/// <summary>
/// The messaging scenario: N concurrent simulated texters, each playing whole conversations (<see cref="TexterScript"/>)
/// until the conversation count or the duration runs out. Every message's SID is kept, so the transcript can be
/// checked against what was sent.
/// </summary>
public sealed class SmsLoadRunner(WebhookClient client, BenchOptions options) : ILoadRun
{
    /// <summary>One conversation as sent: its first SID (the contact's ExternalId) and every SID with its round.</summary>
    public sealed record Conversation(string FirstSid, IReadOnlyList<(string Sid, int Round)> Sent);

    public ConcurrentBag<Conversation> Conversations { get; } = [];
    public int CompletedCount => Conversations.Count;
    public int Failed => _failed;
    public ConcurrentQueue<string> FirstErrors { get; } = new();
    IEnumerable<string> ILoadRun.FirstErrors => FirstErrors;
    public TimeSpan Elapsed { get; private set; }
    public string Unit => "conversations";
    private int _failed;

    public async Task RunAsync()
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var rounds = TexterScript.Rounds(options.SmsAnswers);
        async Task Texter()
        {
            await Task.Yield();
            while (Interlocked.Increment(ref next) < options.Calls)
            {
                if (options.Duration is { } duration && clock.Elapsed > duration) return;
                var from = CallerNumbers.Next();
                var sent = new List<(string Sid, int Round)>();
                try
                {
                    for (var round = 0; round < rounds.Count; round++)
                    {
                        var sids = rounds[round].Select(_ => "SM" + Guid.NewGuid().ToString("N")).ToList();
                        sent.AddRange(sids.Select(s => (s, round)));
                        await Task.WhenAll(rounds[round].Select((body, i) => SendAsync(from, sids[i], body)));
                    }
                }
                catch (SimulationException e)
                {
                    Interlocked.Increment(ref _failed);
                    if (FirstErrors.Count < 5) FirstErrors.Enqueue(e.Message);
                }
                // Kept even when a webhook failed: what was answered 200 must be in the transcript all the same.
                Conversations.Add(new Conversation(sent[0].Sid, sent));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(_ => Texter()));
        Elapsed = clock.Elapsed;
    }

    private Task<WebhookResult> SendAsync(string from, string sid, string body) =>
        client.PostAsync(SmsConversation.IncomingPath, new Dictionary<string, string>
        {
            ["AccountSid"] = "AC00000000000000000000000000000000", ["MessageSid"] = sid, ["From"] = from,
            ["To"] = "+15550100000", ["Body"] = body, ["NumMedia"] = "0", ["ApiVersion"] = "2010-04-01",
        });
}
