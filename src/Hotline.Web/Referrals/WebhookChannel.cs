using System.Text;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Referrals;

/// <summary>Posts a signed JSON notification to an agency's own system.</summary>
public sealed class WebhookChannel(IHttpClientFactory http, HotlineSettings settings, TimeProvider clock)
{
    public const string ClientName = "agency-webhooks";

    /// <param name="deliveryId">The notification's id: the same on every retry, for the receiver to de-duplicate on.</param>
    public async Task<DeliveryResult> SendAsync(string url, string json, Guid deliveryId, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
            { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var id = deliveryId.ToString();
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.StandardTimestampHeader, timestamp);
        request.Headers.Add(
            WebhookSignature.StandardSignatureHeader, WebhookSignature.SignStandard(settings.AgencyWebhookSecret, id, timestamp, json));
        // The legacy headers, for receivers not yet moved to Standard Webhooks (docs/agency-webhooks.md says until when).
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.AgencyWebhookSecret, timestamp, json));
        request.Headers.Add(WebhookSignature.DeliveryIdHeader, id);
        try
        {
            using var response = await http.CreateClient(ClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode
                ? DeliveryResult.Ok()
                : DeliveryResult.Fail($"The agency's webhook answered HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // Words only: the exception's message names the agency's host and port.
            return DeliveryResult.Fail("The agency's webhook could not be reached (" + (e switch
            {
                TaskCanceledException => "no answer in time",
                HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "its address does not resolve",
                HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "its TLS certificate was refused",
                _ => "the connection failed",
            }) + ")");
        }
    }
}
