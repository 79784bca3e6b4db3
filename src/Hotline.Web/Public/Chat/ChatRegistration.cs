namespace Hotline.Web.Public.Chat;

/// <summary>The public web chat: the visitor's API and page, its hub, and the forwarding of case notifications to it.</summary>
public static class ChatRegistration
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ChatConversation>();
        services.AddScoped<ChatContactRequest>();
        services.AddSingleton<ChatPushes>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatPushes>());
        services.AddChatRateLimits(config);
        return services;
    }

    public static IEndpointConventionBuilder MapWebChat(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ChatHub>(ChatHub.Path).AllowAnonymous();
}
