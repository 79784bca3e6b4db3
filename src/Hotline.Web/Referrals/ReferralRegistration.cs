using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;

namespace Hotline.Web.Referrals;

public static class ReferralRegistration
{
    /// <summary>Everything the referral side needs: directory seeding, pathway, desk, channels, jobs.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddSingleton<IStartupSeeder, AgencyDirectorySeeder>();
        // Agencies' servers must not hold a job (and its worker) for long; Hangfire retries a timeout.
        services.AddHttpClient(WebhookChannel.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<AgencyLinks>();
        services.AddScoped<SmsChannel>();
        services.AddScoped<WebhookChannel>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<EmailChannel>();
        services.AddScoped<NotificationSender>();
        services.AddScoped<SupervisorAlerts>();
        services.AddScoped<ReferralLifecycle>();
        services.AddScoped<ReferralPlanner>();
        services.AddScoped<CasePathway>();
        services.AddScoped<ReferralDesk>();
        services.AddScoped<UnresolvedReferralDesk>();
        services.AddScoped<AgencyReferralActions>();
        services.AddScoped<ReferralDeliveryJob>();
        services.AddScoped<ReferralDeadlineJob>();
        services.AddScoped<TriageDeadlineJob>();
        services.AddScoped<FollowUpCheckInJob>();
        services.AddScoped<SupervisorAlertJob>();
        return services;
    }
}
