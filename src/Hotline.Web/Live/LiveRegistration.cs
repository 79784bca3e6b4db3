using Hotline.Web.Operators;

namespace Hotline.Web.Live;

/// <summary>Live console updates: the SignalR hub, the NOTIFY sender and each node's listener.</summary>
public static class LiveRegistration
{
    public static IServiceCollection AddConsoleLive(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<ConsoleSignals>();
        services.AddSingleton<ConsolePushes>();
        // A singleton first, so diagnostics and tests can reach the running listener.
        services.AddSingleton<ConsoleSignalListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ConsoleSignalListener>());
        return services;
    }

    /// <summary>
    /// The hub, for staff only. A WebSocket outlives the cookie that opened it; that is acceptable because it carries
    /// only ids, and every page part it prompts is fetched with the current cookie (sign-in expiry applies there).
    /// (SignalR's CloseOnAuthenticationExpiration compares the ticket with the system clock, not the app's
    /// TimeProvider, so it would cut every connection of a host whose clock is moved, as the tests' is.)
    /// </summary>
    public static IEndpointConventionBuilder MapConsoleLive(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ConsoleHub>(ConsoleHub.Path).RequireAuthorization(Policies.Console);
}
