namespace Hotline.Web.Operators;

public static class ConsoleRegistration
{
    /// <summary>The operator console's services; controllers and views are found by MVC itself.</summary>
    public static IServiceCollection AddOperatorConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleClock>();
        services.AddScoped<LiveBoard>();
        services.AddScoped<CallTaking>();
        services.AddScoped<CaseDesk>();
        services.AddScoped<CaseFinder>();
        services.AddScoped<ServiceLevels>();
        return services;
    }
}
