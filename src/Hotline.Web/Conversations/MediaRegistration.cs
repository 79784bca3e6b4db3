using Hotline.Web.Infrastructure;

namespace Hotline.Web.Conversations;

public static class MediaRegistration
{
    /// <summary>The media proxy's Twilio client: redirects followed by hand (only to Twilio), no request logging.</summary>
    public static IServiceCollection AddConversationMedia(this IServiceCollection services, HotlineSettings settings)
    {
        var http = services.AddHttpClient(TwilioMediaFetcher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            // The factory's default logging writes every URL: a media link names the account and the message.
            .RemoveAllLoggers();
        // Tests and local mocks: Twilio's hosts (API and CDN) are answered by the mock, as for the SDK's client.
        if (settings.TwilioApiBaseUrl is { } mock) http.AddHttpMessageHandler(() => new TwilioApiRedirectHandler(mock));
        services.AddScoped<TwilioMediaFetcher>();
        return services;
    }
}
