using Hotline.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// The real service under WebApplicationFactory: its own PostgreSQL database, Twilio's API mocked by
/// WireMock.Net, a settable clock. Settings can be overridden per test class.
/// </summary>
public sealed class HotlineApp : WebApplicationFactory<Program>
{
    public const string AuthToken = "test-auth-token-0123456789abcdef";
    public const string PublicBaseUrl = "http://hotline.test";
    public const string AdminEmail = "admin@hotline.test";
    public const string AdminPassword = "Admin-Password-123!";
    public const string HotlineNumber = "+15550100000";
    /// <summary>The key agency webhooks are signed with (Agencies:WebhookSigningSecret).</summary>
    public static readonly byte[] AgencyWebhookSecret = [.. Enumerable.Range(101, 32).Select(i => (byte)i)];

    public string ConnectionString { get; }
    public TwilioApiMock Twilio { get; }
    public TestClock Clock { get; } = new();
    public CapturedLogs Logs { get; } = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="testServices">Seams a test class needs on top of the app's own services (registered last).</param>
    public HotlineApp(
        string connectionString, TwilioApiMock twilio, IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? testServices = null)
    {
        _testServices = testServices;
        ConnectionString = connectionString;
        Twilio = twilio;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hotline"] = connectionString,
            ["Twilio:AccountSid"] = TwilioApiMock.AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:PhoneNumber"] = HotlineNumber,
            ["Twilio:ApiBaseUrl"] = twilio.Url,
            ["Hotline:PublicBaseUrl"] = PublicBaseUrl,
            ["Hotline:CallerHashKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["Agencies:WebhookSigningSecret"] = Convert.ToBase64String(AgencyWebhookSecret),
            ["Hotline:SupervisorPhone"] = "+15550100999",
            ["Hotline:BackupLine"] = "+15550100111",
            ["Hangfire:ServerEnabled"] = "false",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            // Tests reuse one caller number and sign in often; the limits get their own tests.
            ["RateLimits:PerCallerPerMinute"] = "100000",
            ["RateLimits:SignInPerMinute"] = "100000",
            // The seeded agencies have e-mail channels: a host where nothing listens keeps /health/ready Healthy and
            // makes e-mail fail fast (connection refused). Mail tests point this at a TestSmtpServer.
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "1",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Settings must be visible while Program reads them (before Build), so use host settings too.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _testServices?.Invoke(services);
        });
    }

    public async Task<T> WithDbAsync<T>(Func<HotlineDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HotlineDbContext>());
    }

    public async Task WithDbAsync(Func<HotlineDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<HotlineDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with a <typeparamref name="T"/> from a fresh DI scope, as a request or job would get
    /// it.</summary>
    public async Task RunAsync<T>(Func<T, Task> work) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<T>());
    }
}
