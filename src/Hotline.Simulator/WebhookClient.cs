using System.Diagnostics;
using System.Net;

namespace Hotline.Simulator;

/// <summary>
/// Sends Twilio-shaped webhooks: form-encoded POSTs signed with X-Twilio-Signature over the URL Twilio
/// would have used (the service's public base URL when it has one, else the URL actually requested).
/// </summary>
public sealed class WebhookClient(HttpClient http, Uri serviceUrl, string authToken, Uri? publicBaseUrl = null)
{
    /// <summary>Called after every webhook with its path (no query), status and latency; the benchmark records them.</summary>
    public Action<string, int, TimeSpan>? Observed { get; init; }

    /// <summary>
    /// A person's pace: each webhook starts this long after the previous one started (at once when the previous
    /// answer took longer). Zero: as fast as the service answers.
    /// </summary>
    public TimeSpan Interval { get; init; }
    private long _nextStart;

    /// <summary>A client for one simulated caller who sends a webhook every <paramref name="interval"/>, beginning after
    /// <paramref name="offset"/>.</summary>
    public WebhookClient Paced(TimeSpan interval, TimeSpan offset) =>
        new(http, serviceUrl, authToken, publicBaseUrl)
            { Observed = Observed, Interval = interval,
                _nextStart = Stopwatch.GetTimestamp() + (long)(offset.TotalSeconds * Stopwatch.Frequency) };

    public async Task<WebhookResult> PostAsync(
        string pathAndQuery, IReadOnlyDictionary<string, string> form, CancellationToken ct = default)
    {
        if (Interval > TimeSpan.Zero)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _nextStart);
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            _nextStart = Math.Max(_nextStart, Stopwatch.GetTimestamp() - Stopwatch.Frequency)
                + (long)(Interval.TotalSeconds * Stopwatch.Frequency);
        }
        var target = new Uri(serviceUrl, pathAndQuery);
        var signedUrl = (publicBaseUrl ?? serviceUrl).GetLeftPart(UriPartial.Authority)
                        + (publicBaseUrl ?? serviceUrl).AbsolutePath.TrimEnd('/') + pathAndQuery;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(authToken, signedUrl, form));
        var started = Stopwatch.GetTimestamp();
        int status;
        string body;
        try
        {
            using var response = await http.SendAsync(request, ct);
            body = await response.Content.ReadAsStringAsync(ct);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            Observed?.Invoke(PathOf(pathAndQuery), 0, Stopwatch.GetElapsedTime(started));
            throw new SimulationException($"POST {pathAndQuery} failed: {e.Message}", 0);
        }
        Observed?.Invoke(PathOf(pathAndQuery), status, Stopwatch.GetElapsedTime(started));
        if (status is not ((int)HttpStatusCode.OK or (int)HttpStatusCode.NoContent))
            throw new SimulationException($"POST {pathAndQuery} answered {status}: {Truncate(body)}", status);
        return new WebhookResult(status, body);
    }

    public static string PathOf(string pathAndQuery) => pathAndQuery.Split('?', 2)[0];

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "..." : s;
}

public sealed record WebhookResult(int Status, string Body);
