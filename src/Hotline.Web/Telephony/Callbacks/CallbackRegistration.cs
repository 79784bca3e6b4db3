using Hotline.Web.Telephony.Callbacks;
using Hotline.Web.Telephony.Softphone;

namespace Hotline.Web.Telephony;

public static class CallbackRegistration
{
    /// <summary>Callbacks made by the service, the console's browser phone, and voicemail playback (issue #14, 6-8).</summary>
    public static IServiceCollection AddCallbacksAndSoftphone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(SoftphoneSettings.From(configuration));
        services.AddSingleton<SoftphoneTokens>();
        services.AddScoped<CallbackDialer>();
        services.AddScoped<CallbackAnswers>();
        services.AddScoped<CallbackSettleJob>();
        return services;
    }
}
