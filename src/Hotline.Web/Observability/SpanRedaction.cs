using System.Diagnostics;

namespace Hotline.Web.Observability;

/// <summary>
/// Keeps personal data out of request spans. Query strings are already redacted by the instrumentation (values become
/// "Redacted"); paths can carry secrets too (agency links hold a token, chat URLs a session), so a span's url.path is
/// replaced by the route template ("/agency/referrals/{token}") whenever the request matched a route.
/// </summary>
public static class SpanRedaction
{
    public static string? RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : null;

    public static void Redact(Activity activity, HttpContext context)
    {
        if (RouteOf(context) is { } route)
        {
            activity.SetTag("url.path", route);
            return;
        }
        // Unmatched: static files and 404s. A 404's path is whatever was typed, so keep only its first segment.
        var path = context.Request.Path.Value ?? "/";
        var second = path.IndexOf('/', 1);
        activity.SetTag("url.path", second < 0 ? path : path[..second] + "/...");
    }
}
