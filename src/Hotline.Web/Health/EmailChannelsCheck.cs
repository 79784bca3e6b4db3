using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Web.Health;

/// <summary>
/// Degraded while active agencies have e-mail channels but no SMTP host is configured: every referral to them
/// fails over to their next channel (or escalates), which the people running the service must hear about.
/// Not Unhealthy: calls and texts still work, and leaving the load balancer would not deliver a single e-mail.
/// </summary>
public sealed class EmailChannelsCheck(IServiceScopeFactory scopes, HotlineSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (settings.Smtp.IsConfigured) return HealthCheckResult.Healthy();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var undeliverable = await db.AgencyChannels
                .CountAsync(c => c.Channel == NotificationChannel.Email && db.Agencies.Any(a => a.Id == c.AgencyId && a.Active), ct);
            return undeliverable == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded(
                    $"{undeliverable} e-mail channel(s) of active agencies cannot be delivered: Smtp:Host is not set");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database check reports an unreachable database; this one only speaks about e-mail.
            return HealthCheckResult.Healthy("e-mail channels not counted: " + e.GetType().Name);
        }
    }
}
