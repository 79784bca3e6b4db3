namespace Hotline.Web.Conversations;

public static class ConversationRegistration
{
    /// <summary>Text conversations on every channel: one intake, one transcript, one way to send.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddScoped<ConversationIntake>();
        services.AddScoped<ConversationResumer>();
        services.AddScoped<ConversationSender>();
        services.AddScoped<MessageDelivery>();
        services.AddScoped<DeliveryReports>();
        return services;
    }
}
