using Hotline.Core.Flows;
using Hotline.Core.Public;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Public;

public static class PublicRegistration
{
    /// <summary>The anonymous pages. Their texts are loaded and checked now: a missing translation stops start-up.</summary>
    public static IServiceCollection AddPublicPages(this IServiceCollection services, HotlineSettings settings, Flow flow)
    {
        services.AddSingleton(PublicTextsLoader.LoadFile(settings.PublicPagesFile, flow));
        services.AddSingleton<PublicPages>();
        services.AddSingleton(sp => TipFormStamp.FromSecret(settings.CallerHashKey, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<TipIntake>();
        services.AddScoped<TipReception>();
        return services;
    }
}
