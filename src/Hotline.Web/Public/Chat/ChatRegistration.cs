using Hotline.Web.Infrastructure;

namespace Hotline.Web.Public.Chat;

/// <summary>The public web chat: the visitor's API and page, its hub, and the forwarding of case notifications to it.</summary>
public static class ChatRegistration
{
    public static IServiceCollection AddWebChat(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(ChatPageSettings.From(config));
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

/// <summary>
/// <c>Hotline:QuickExitUrl</c>: where quick exit sends the visitor (an ordinary site, such as a weather page). Must be
/// an absolute http(s) address; a wrong one stops start-up rather than strand someone on the chat.
/// </summary>
public sealed record ChatPageSettings(string QuickExitUrl)
{
    public const string DefaultQuickExitUrl = "https://www.google.com/search?q=weather";

    public static ChatPageSettings From(IConfiguration config)
    {
        var url = config["Hotline:QuickExitUrl"] is { Length: > 0 } configured ? configured : DefaultQuickExitUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new ConfigurationException("Hotline:QuickExitUrl must be an absolute http(s) address, such as https://www.google.com/");
        return new ChatPageSettings(uri.AbsoluteUri);
    }
}
