using System.Diagnostics;

namespace Hotline.Web.Observability;

/// <summary>Records <see cref="HotlineTelemetry.WebhookDuration"/> for Twilio webhooks: two timestamps and one histogram add.</summary>
public static class WebhookTiming
{
    public static IApplicationBuilder UseWebhookTiming(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/twilio", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                HotlineTelemetry.WebhookDuration.Record(
                    Stopwatch.GetElapsedTime(started).TotalSeconds,
                    new KeyValuePair<string, object?>("http.route", SpanRedaction.RouteOf(context) ?? "unmatched"),
                    new KeyValuePair<string, object?>("http.response.status_code", context.Response.StatusCode));
            }
        });
}
