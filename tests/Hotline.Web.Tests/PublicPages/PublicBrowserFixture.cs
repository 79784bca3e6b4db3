using Hotline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.PublicPages;

/// <summary>
/// The public pages' browser tests. The neutral quick-exit site is answered by the browser context itself, so no test
/// ever reaches the internet.
/// </summary>
public sealed class PublicBrowserFixture : ServedBrowserFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hotline:QuickExitUrl"] = TipFixture.QuickExitUrl,
        ["RateLimits:PublicPostsPer10Minutes"] = "100000",
    };

    /// <summary>A fresh visitor on a small phone screen; <paramref name="javaScript"/> off shows the form works without it.</summary>
    public async Task<IPage> VisitorAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 }, BaseURL = BaseUrl, JavaScriptEnabled = javaScript,
            Locale = "en-US",
        });
        await context.RouteAsync("https://neutral.example/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><html lang=\"en\"><title>Weather</title><p>Sunny</p></html>",
        }));
        return await context.NewPageAsync();
    }
}
