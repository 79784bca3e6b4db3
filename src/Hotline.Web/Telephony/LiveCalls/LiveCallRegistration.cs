namespace Hotline.Web.Telephony.LiveCalls;

public static class LiveCallRegistration
{
    /// <summary>Live calls: the conference a taken call becomes, its legs, and the settings they read.</summary>
    public static IServiceCollection AddLiveCalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(LiveCallSettings.From(configuration));
        services.AddSingleton<LiveCallUrls>();
        services.AddScoped<LegDialer>();
        services.AddScoped<AdvocateLegs>();
        services.AddScoped<CallerRequeue>();
        services.AddScoped<LiveCallEvents>();
        services.AddScoped<LiveCallDesk>();
        services.AddScoped<LiveCallBoard>();
        services.AddScoped<TwilioCallLookup>();
        services.AddScoped<LiveLegReconcile>();
        services.AddScoped<TakenCallReconcile>();
        return services;
    }
}
