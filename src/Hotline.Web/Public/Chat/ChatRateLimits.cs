using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// Per-address windows for the public chat: new sessions are few per person (a flood of them is an attack on the
/// queue), messages and fetches are many (a page polls every 10 s when its live link is down).
/// </summary>
public static class ChatRateLimits
{
    public const string Start = "chat-start";
    public const string Messages = "chat-messages";

    public static IServiceCollection AddChatRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var startsPerMinute = config.GetValue("RateLimits:ChatStartsPerMinute", 10);
        var callsPerMinute = config.GetValue("RateLimits:ChatCallsPerMinute", 300);
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(Start, context => PerAddress(context, "start", startsPerMinute));
            o.AddPolicy(Messages, context => PerAddress(context, "calls", callsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string kind, int perMinute) =>
        RateLimitPartition.GetSlidingWindowLimiter(
            kind + "|" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0,
            });
}
