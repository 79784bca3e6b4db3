namespace Hotline.Web.Infrastructure;

/// <summary>
/// The Twilio SDK always calls https://{domain}.twilio.com. For tests and local mocks this handler sends
/// those requests to a configured base URL instead, keeping path and query.
/// </summary>
public sealed class TwilioApiRedirectHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (request.RequestUri is { } uri)
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }
        return base.SendAsync(request, ct);
    }
}
