using System.Threading.RateLimiting;
using Hotline.Web.Public;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Flood protection. Webhooks: a global token bucket protects the database, and a per-caller window (keyed
/// by the caller hash, applied after the signature check in <see cref="CallerRateLimiter"/>) stops one
/// number from drowning the line. Sign-in: a per-address window on top of Identity's account lockout.
/// </summary>
public static class RateLimits
{
    public const string Webhooks = "webhooks";
    public const string SignIn = "sign-in";
    /// <summary>Posts of the public forms (/tip), per address: a person sends a report, perhaps corrects it twice.</summary>
    public const string PublicForms = "public-forms";

    public static IServiceCollection AddHotlineRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var globalPerSecond = config.GetValue("RateLimits:WebhooksPerSecond", 3000);
        var signInPerMinute = config.GetValue("RateLimits:SignInPerMinute", 10);
        var publicPostsPer10Minutes = config.GetValue("RateLimits:PublicPostsPer10Minutes", 10);
        services.AddSingleton(new CallerRateLimiter(config.GetValue("RateLimits:PerCallerPerMinute", 60)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                // A visitor of a public page gets a page in their language, with the quick exit, not JSON.
                if (await PublicRejection.TryWriteAsync(context.HttpContext, ct)) return;
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = 429, Title = "Too many requests", Detail = "Please wait a minute and try again.",
                }, ct);
            };
            o.AddPolicy(Webhooks, _ => RateLimitPartition.GetTokenBucketLimiter("all-webhooks", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = globalPerSecond, TokensPerPeriod = globalPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = globalPerSecond, QueueProcessingOrder = QueueProcessingOrder.OldestFirst, AutoReplenishment = true,
            }));
            o.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            // Behind a proxy the address is the visitor's only with Hotline:KnownProxies set (forwarded headers).
            o.AddPolicy(PublicForms, context => RateLimitPartition.GetSlidingWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = publicPostsPer10Minutes, Window = TimeSpan.FromMinutes(10), SegmentsPerWindow = 10, QueueLimit = 0,
                }));
        });
        return services;
    }
}

/// <summary>Per-caller sliding window, keyed by the caller's number hash (never the number).</summary>
public sealed class CallerRateLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
        }));

    public bool TryAcquire(string callerKey)
    {
        using var lease = _limiter.AttemptAcquire(callerKey);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
