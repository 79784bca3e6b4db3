using Hotline.Web.Data;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Web.Health;

/// <summary>
/// Degraded while a supervisor alert of the last day was given up on after all its retries: an escalation or an overdue
/// triage nobody on call was told about. Not Unhealthy: calls still work, and leaving the load balancer sends no text.
/// </summary>
public sealed class SupervisorAlertsCheck(IServiceScopeFactory scopes, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            var since = clock.GetUtcNow() - AlertRetry.Horizon;
            var givenUp = await db.Notifications.CountAsync(
                n => n.Purpose == "supervisor-alert" && n.Status != "Sent" && n.Attempts >= AlertRetry.MaxAttempts && n.CreatedAt > since,
                ct);
            return givenUp == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded($"{givenUp} supervisor alert(s) not delivered after every retry: call the on-call supervisor");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database check reports an unreachable database; this one only speaks about alerts.
            return HealthCheckResult.Healthy("supervisor alerts not counted: " + e.GetType().Name);
        }
    }
}
