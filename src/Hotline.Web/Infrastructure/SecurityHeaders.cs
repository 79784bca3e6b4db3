namespace Hotline.Web.Infrastructure;

/// <summary>
/// Headers on every response. The console has no inline script or style, so the CSP allows only our own
/// files; nothing may frame us (clickjacking), and no page leaks its URL (agency links carry tokens) as a
/// referrer. Pages are never cached: they show the most sensitive data a hotline holds.
/// connect-src 'self' also covers the live console's same-origin WebSocket (ws:/wss: to this host, CSP Level 3;
/// Chromium 71+, Firefox, Safari 16+); an older browser that refuses it gets SignalR's fallback transports (SSE,
/// long polling), which are plain same-origin requests.
/// </summary>
public static class SecurityHeaders
{
    private const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // Pages that carry the browser phone (the board, a case): Twilio's Voice SDK (served from our own /lib) opens its
    // signalling WebSocket and sends call-quality events to Twilio's hosts, and plays its ringtones from Twilio's SDK host.
    // Everything else stays as strict as the console; the microphone is allowed to this origin on these pages only.
    private const string SoftphonePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' wss://*.twilio.com https://*.twilio.com; media-src 'self' blob: https://sdk.twilio.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Set in <see cref="Microsoft.AspNetCore.Http.HttpContext.Items"/> by the softphone's partial view while a page renders
    /// (before its headers are sent): that page gets <see cref="SoftphonePolicy"/>. Pages without the phone never do.
    /// </summary>
    public const string SoftphoneOnPage = "hotline.softphone";

    // The anonymous pages (/tip, /chat): our own files only, nothing framed, no base or plugin tricks; connect-src
    // 'self' is for the chat's own connection. Forms post only to us.
    private const string PublicPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Hangfire's dashboard ships inline scripts and styles; it is Supervisor/Admin-only and same-origin.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The anonymous pages for victims and witnesses.</summary>
    public static readonly string[] PublicPaths = ["/tip", "/chat"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var path = context.Request.Path;
            var softphone = context.Items.ContainsKey(SoftphoneOnPage);
            headers.ContentSecurityPolicy = path.StartsWithSegments("/hangfire") ? DashboardPolicy
                : PublicPaths.Any(p => path.StartsWithSegments(p)) ? PublicPolicy : softphone ? SoftphonePolicy : ConsolePolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = softphone
                ? "camera=(), microphone=(self), geolocation=(), payment=()"
                : "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!path.StartsWithSegments("/css") && !path.StartsWithSegments("/js") && !path.StartsWithSegments("/lib"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
