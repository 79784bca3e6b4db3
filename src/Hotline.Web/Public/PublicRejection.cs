using System.Text.Encodings.Web;
using Hotline.Core.Public;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Public;

/// <summary>
/// The rate limiter's answer on a public page: a small readable page in the visitor's language (from the link or
/// the browser; the body is not read), with the quick exit and the emergency number, instead of JSON.
/// </summary>
public static class PublicRejection
{
    public static async Task<bool> TryWriteAsync(HttpContext context, CancellationToken ct)
    {
        if (!SecurityHeaders.PublicPaths.Any(p => context.Request.Path.StartsWithSegments(p))) return false;
        var pages = context.RequestServices.GetRequiredService<PublicPages>();
        var chrome = pages.Chrome(pages.LanguageOf(context.Request, context.Request.Query[TipForm.LanguageField]), context.Request.Path);
        var html = HtmlEncoder.Default;
        string T(string key) => html.Encode(chrome.T(key));
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{html.Encode(chrome.Language)}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{T(PublicTextKeys.TipTitle)}</title><link rel="stylesheet" href="/css/public.css"></head>
            <body><header class="exit-bar"><a class="quick-exit" href="{html.Encode(chrome.QuickExitUrl.ToString())}"
            rel="noreferrer" data-quick-exit>{T(PublicTextKeys.QuickExit)}</a></header>
            <main id="main"><h1>{T(PublicTextKeys.TipTitle)}</h1><p role="alert">{T(PublicTextKeys.TooManyRequests)}</p>
            <p class="emergency">{T(PublicTextKeys.Emergency)}</p><p>{T(PublicTextKeys.ClearHistory)}</p></main>
            <script src="/js/quick-exit.js"></script></body></html>
            """, ct);
        return true;
    }
}
