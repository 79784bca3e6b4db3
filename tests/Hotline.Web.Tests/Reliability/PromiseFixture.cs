using Hangfire;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Hotline.Web.Tests.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hotline.Web.Tests.Reliability;

/// <summary>The referral fixture plus two seams: a job client whose hand-offs can be made to fail, and a crash before a notification is
/// marked sent.</summary>
public sealed class PromiseFixture : ReferralFixture
{
    public HandOffSeam HandOff => App.Services.GetRequiredService<HandOffSeam>();
    public CrashBeforeMarkingSent Crash { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton(sp => new HandOffSeam(new BackgroundJobClient(sp.GetRequiredService<JobStorage>())));
        services.Replace(ServiceDescriptor.Singleton<IBackgroundJobClient>(sp => sp.GetRequiredService<HandOffSeam>()));
        services.ConfigureDbContext<HotlineDbContext>(o => o.AddInterceptors(Crash));
    }
}
