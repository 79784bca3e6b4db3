using Hotline.Web.Referrals.Hsds;

// In the Referrals namespace so HotlineSetup registers it with one line and no new using.
namespace Hotline.Web.Referrals;

public static class HsdsRegistration
{
    public static IServiceCollection AddAgencyDirectoryHsds(this IServiceCollection services) =>
        services.AddScoped<AgencyDirectoryHsds>();
}
