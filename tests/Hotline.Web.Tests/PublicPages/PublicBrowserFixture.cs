using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.PublicPages;

/// <summary>
/// The service on a real Kestrel port and Debian's Chromium (as in the console's browser tests). The neutral
/// quick-exit site is answered by the browser context itself, so no test ever reaches the internet.
/// </summary>
public sealed class PublicBrowserFixture : IAsyncLifetime
{
    public TwilioApiMock Twilio { get; } = new();
    public HotlineApp App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IBrowser _browser = null!;
    private IPlaywright _playwright = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        App = new HotlineApp(_connectionString, Twilio, new Dictionary<string, string?>
        {
            ["Hotline:QuickExitUrl"] = TipFixture.QuickExitUrl,
            ["RateLimits:PublicPostsPer10Minutes"] = "100000",
        });
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync"],
        });
    }

    /// <summary>A fresh visitor on a small phone screen; <paramref name="javaScript"/> off shows the form works without it.</summary>
    public async Task<IPage> VisitorAsync(bool javaScript = true)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
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

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        Twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }
}
