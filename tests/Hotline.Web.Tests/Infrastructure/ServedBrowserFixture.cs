using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// Class fixture for browser tests: one database, the service on a real Kestrel port, and Debian's Chromium driven by
/// Playwright (never a downloaded browser). Subclasses choose settings and seed data; this is the one place Chromium
/// is launched.
/// </summary>
public abstract class ServedBrowserFixture : IAsyncLifetime
{
    public TwilioApiMock Twilio { get; } = new();
    public HotlineApp App { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;
    private string _connectionString = "";

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>What the class's tests expect to find in the database; nothing by default.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        // Playwright's 5 s default for Expect(...) is short on CI's loaded 2-core machine; a passing expectation returns as
        // soon as it holds, so a longer ceiling only slows a test that fails. Tests that prove "at once" set their own.
        Assertions.SetDefaultExpectTimeout(15_000);
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        App = new HotlineApp(_connectionString, Twilio, Settings);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync"],
        });
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        Twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(_connectionString);
    }
}
