namespace Hotline.Web.Operators.Conversations;

public static class ConversationConsoleRegistration
{
    /// <summary>The case page's conversations: reading (audited), taking, answering, closing.</summary>
    public static IServiceCollection AddConversationConsole(this IServiceCollection services)
    {
        services.AddScoped<ConversationReader>();
        services.AddScoped<ConversationDesk>();
        services.AddSingleton<IQuickReplies, FlowQuickReplies>();
        return services;
    }
}
