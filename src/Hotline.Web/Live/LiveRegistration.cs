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
    /// The hub for staff only. A WebSocket outlives the cookie that opened it, so it is closed when the sign-in
    /// expires; the browser then reconnects with its current cookie, or falls back to polling and meets sign-in.
    /// </summary>
    public static IEndpointConventionBuilder MapConsoleLive(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ConsoleHub>(ConsoleHub.Path, o => o.CloseOnAuthenticationExpiration = true)
            .RequireAuthorization(Policies.Console);
}
