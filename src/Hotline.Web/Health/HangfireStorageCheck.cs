using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Web.Health;

/// <summary>Ready only when the Hangfire job storage answers: promises (callbacks, escalations) depend on it.</summary>
public sealed class HangfireStorageCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("health-probe");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", e));
        }
    }
}
