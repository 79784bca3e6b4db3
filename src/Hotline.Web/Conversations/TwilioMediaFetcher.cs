using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Conversations;

/// <summary>
/// Fetches a texter's photo or voice note from Twilio with the account's credentials, for the media proxy: the
/// browser never gets Twilio's link. Redirects are followed by hand, only to Twilio's own hosts, and the
/// credentials go to Twilio's API only.
/// </summary>
public sealed class TwilioMediaFetcher(IHttpClientFactory factory, HotlineSettings settings, ILogger<TwilioMediaFetcher> logger)
{
    public const string HttpClientName = "twilio-media";
    /// <summary>Twilio's own limit for one MMS or WhatsApp media item is 16 MB; anything larger is not a texter's photo.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;
    private const int MaxRedirects = 3;

    /// <summary>The open answer (the caller streams and disposes it), or why there is none, in words for the advocate.</summary>
    public async Task<MediaFetch> FetchAsync(MediaReference media, CancellationToken ct)
    {
        if (!Uri.TryCreate(media.Url, UriKind.Absolute, out var uri) || !MediaHosts.IsTwilioApi(uri))
            return MediaFetch.Failed("The stored media link is not Twilio's; it was not fetched.");
        var http = factory.CreateClient(HttpClientName);
        try
        {
            for (var hop = 0; hop <= MaxRedirects; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (MediaHosts.IsTwilioApi(uri)) request.Headers.Authorization = BasicAuth();
                var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                if (IsRedirect(response.StatusCode))
                {
                    var next = response.Headers.Location is { } location ? new Uri(uri, location) : null;
                    response.Dispose();
                    if (next is null || !(MediaHosts.IsTwilioApi(next) || MediaHosts.IsMediaCdn(next)))
                        return Refused("Twilio redirected the media to an unknown host; it was not fetched.", next?.Host);
                    uri = next;
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    var status = (int)response.StatusCode;
                    response.Dispose();
                    return Refused($"Twilio answered {status} for this media (it may have been deleted).", null);
                }
                if (response.Content.Headers.ContentLength > MaxBytes)
                {
                    response.Dispose();
                    return Refused($"The media is larger than {MaxBytes / 1024 / 1024} MB and is not shown.", null);
                }
                return new MediaFetch(response, null);
            }
            return Refused("Twilio redirected the media too many times; it was not fetched.", null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Twilio media fetch failed: {Error}", e.GetType().Name);
            return MediaFetch.Failed("Twilio could not be reached for this media; try again in a moment.");
        }
    }

    private MediaFetch Refused(string problem, string? host)
    {
        // The link itself names the account and the message: it is not logged.
        logger.LogWarning("Twilio media not shown: {Problem} {Host}", problem, host);
        return MediaFetch.Failed(problem);
    }

    private AuthenticationHeaderValue BasicAuth() => new(
        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.TwilioAccountSid}:{settings.TwilioAuthToken}")));

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}

/// <summary>Twilio's open answer, or the reason there is none.</summary>
public sealed record MediaFetch(HttpResponseMessage? Response, string? Problem)
{
    public static MediaFetch Failed(string problem) => new(null, problem);
}
