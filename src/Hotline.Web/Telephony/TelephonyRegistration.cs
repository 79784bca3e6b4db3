namespace Hotline.Web.Telephony;

public static class TelephonyRegistration
{
    public static IServiceCollection AddTelephony(this IServiceCollection services)
    {
        services.AddScoped<IntakeRecorder>();
        services.AddScoped<CallIntake>();
        services.AddScoped<CallProgress>();
        services.AddSingleton<TwilioRefusals>();
        return services;
    }
}
