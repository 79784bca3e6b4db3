using Hotline.Web.Telephony;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Web.Health;

/// <summary>
/// Degraded (not Unhealthy: the service itself still works, and taking it out of a load balancer would only
/// make things worse) while Twilio requests are being refused for their signature, which usually means every
/// caller is: a rotated auth token or a PublicBaseUrl that does not match the Twilio console.
/// </summary>
public sealed class TwilioSignatureCheck(TwilioRefusals refusals) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(refusals.Recent() is { } recent
            ? HealthCheckResult.Degraded(
                $"{recent.Recent} Twilio request(s) refused for a wrong signature in the last " +
                $"{(int)TwilioRefusals.RecentWindow.TotalMinutes} minutes: check Twilio:AuthToken and Hotline:PublicBaseUrl")
            : HealthCheckResult.Healthy());
}
