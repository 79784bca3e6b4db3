using Twilio.Clients;
using Twilio.Http;

namespace Hotline.Web.Infrastructure;

public static class TwilioRegistration
{
    /// <summary>Registers one <see cref="ITwilioRestClient"/> (never the static TwilioClient, which tests would share).</summary>
    public static IServiceCollection AddTwilioRestClient(this IServiceCollection services, HotlineSettings settings)
    {
        var http = services.AddHttpClient("twilio", c => c.Timeout = TimeSpan.FromSeconds(10));
        if (settings.TwilioApiBaseUrl is { } mock)
            http.AddHttpMessageHandler(() => new TwilioApiRedirectHandler(mock));
        services.AddSingleton<ITwilioRestClient>(sp =>
        {
            var client = sp.GetRequiredService<IHttpClientFactory>().CreateClient("twilio");
            return new TwilioRestClient(settings.TwilioAccountSid, settings.TwilioAuthToken, httpClient: new SystemNetHttpClient(client));
        });
        return services;
    }
}
