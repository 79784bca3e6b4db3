using System.Net;
using Hotline.Simulator;

namespace Hotline.Benchmark;

/// <summary>
/// Bytes allocated per webhook by the service, measured in a quiet window: process-wide allocations over a
/// few sequential calls, minus what the simulated caller itself allocates (replayed without a server).
/// The client share excludes its socket work, so the service figure is a slight overestimate.
/// </summary>
public static class AllocationProbe
{
    public static async Task<(double ServiceBytes, double ClientBytes)> MeasureAsync(
        HttpClient http, Uri url, string token, IReadOnlyList<string> keys, int calls = 30)
    {
        var recorder = new RecordingHandler { InnerHandler = new SocketsHttpHandler() };
        var recorded = new WebhookClient(new HttpClient(recorder), url, token);
        await Play(recorded, keys); // one call's answers, to replay below

        var real = new WebhookClient(http, url, token);
        var (total, webhooks) = await Allocated(real, keys, calls);
        var replay = new WebhookClient(new HttpClient(new ReplayHandler(recorder.Answers)), url, token);
        var (client, _) = await Allocated(replay, keys, calls);
        return ((total - client) / (double)webhooks, client / (double)webhooks);
    }

    private static async Task<(long Bytes, int Webhooks)> Allocated(WebhookClient client, IReadOnlyList<string> keys, int calls)
    {
        await Play(client, keys);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var webhooks = 0;
        for (var i = 0; i < calls; i++) webhooks += (await Play(client, keys)).Webhooks;
        return (GC.GetTotalAllocatedBytes(precise: true) - before, webhooks);
    }

    private static Task<CallTranscript> Play(WebhookClient client, IReadOnlyList<string> keys) =>
        new TwimlPlayer(client, new CallOptions { From = CallerNumbers.Next() }, new ScriptedInput(keys))
            .PlayCallAsync("CA" + Guid.NewGuid().ToString("N"));

    private sealed class RecordingHandler : DelegatingHandler
    {
        public List<(HttpStatusCode Status, string Body)> Answers { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            Answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
            return response;
        }
    }

    private sealed class ReplayHandler(List<(HttpStatusCode Status, string Body)> answers) : HttpMessageHandler
    {
        private int _next;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await request.Content!.ReadAsStringAsync(ct); // the server would read it
            var (status, body) = answers[_next++ % answers.Count];
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }
    }
}
