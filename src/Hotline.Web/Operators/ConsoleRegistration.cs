using Hotline.Web.Operators.Conversations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
namespace Hotline.Web.Operators;

public static class ConsoleRegistration
{
    /// <summary>The operator console's services; controllers and views are found by MVC itself.</summary>
    public static IServiceCollection AddOperatorConsole(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleClock>();
        // No page posts jQuery-style keys ("a[b]"); their normalizer throws on a malformed key ("a[b"),
        // which turned a hostile field name into a 500 before any binding ran. The plain form provider stays.
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.ValueProviderFactories.RemoveType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory>();
            o.ValueProviderFactories.RemoveType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory>();
        });
        services.AddScoped<LiveBoard>();
        services.AddScoped<CallTaking>();
        services.AddScoped<CaseDesk>();
        services.AddScoped<UserDesk>();
        services.AddSingleton<PasswordRules>();
        services.AddScoped<CaseFinder>();
        services.AddScoped<Jurisdictions>();
        services.AddScoped<ServiceLevels>();
        services.AddConversationConsole();
        return services;
    }
}
