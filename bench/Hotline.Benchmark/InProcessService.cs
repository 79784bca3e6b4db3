using System.Security.Cryptography;
using Hotline.Web;
using Hotline.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Npgsql;

namespace Hotline.Benchmark;

/// <summary>
/// The real service on a real Kestrel port, in this process, against a fresh PostgreSQL database that is
/// created here and dropped at the end. Same registration and pipeline as Program (HotlineSetup), plus the
/// benchmark's hooks: the baseline endpoint (its own controller) and the SQL round-trip counter.
/// </summary>
public sealed class InProcessService : IAsyncDisposable
{
    public required WebApplication App { get; init; }
    public required Uri Url { get; init; }
    public required string AuthToken { get; init; }
    public required string ConnectionString { get; init; }
    public required string AdminConnectionString { get; init; }
    public required string Database { get; init; }

    public SqlRoundTripCounter SqlCounter => App.Services.GetRequiredService<SqlRoundTripCounter>();

    public static async Task<InProcessService> StartAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Hotline") is { Length: > 0 } configured ? configured
            : Environment.GetEnvironmentVariable("HOTLINE_TEST_PG") is { Length: > 0 } test ? test
            : throw new InvalidOperationException(
                "Set ConnectionStrings__Hotline or HOTLINE_TEST_PG (./hotline bench starts a local PostgreSQL and sets it).");
        var database = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // The service refuses to start without a public base URL once agencies need links (PublicLinkCheck):
        // pick the port first so the benchmark's own address is that URL (and what requests are signed over).
        var baseUrl = $"http://127.0.0.1:{FreePort()}";

        // The content root is the checkout, where the local PostgreSQL writes (.data/pg): watching it for
        // configuration changes would cost a thread's worth of inotify events for nothing.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Controllers and views are discovered from the application assembly: make that the service, not us.
            ApplicationName = typeof(HotlineSetup).Assembly.GetName().Name,
            ContentRootPath = RepositoryRoot(),
            EnvironmentName = "Production",
        });
        // The service's own defaults (flows, pathway, logging levels), then the benchmark's settings on top.
        builder.Configuration.AddJsonFile(Path.Combine(builder.Environment.ContentRootPath, "src", "Hotline.Web", "appsettings.json"),
            optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hotline"] = connectionString,
            ["Twilio:AccountSid"] = "AC" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["Twilio:AuthToken"] = token,
            ["Hotline:PublicBaseUrl"] = baseUrl,
            ["Hotline:CallerHashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Agencies:WebhookSigningSecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            // Jobs are enqueued (that write is measured) but not run: they would call Twilio's real API.
            ["Hangfire:ServerEnabled"] = "false",
            ["Benchmark:CountSqlRoundTrips"] = "true",
            // Every simulated chat visitor comes from 127.0.0.1: the per-address chat limits would stop the load.
            ["RateLimits:ChatStartsPerMinute"] = "1000000",
            ["RateLimits:ChatCallsPerMinute"] = "1000000",
        });
        builder.WebHost.UseUrls(baseUrl);
        builder.AddHotline();
        // The yardstick endpoint is benchmark code: only this host adds it to the service's controllers.
        builder.Services.AddMvcCore().AddApplicationPart(typeof(BaselineController).Assembly);
        builder.Services.AddSingleton<TimeProvider>(new OpenHoursClock());
        var app = builder.Build();
        app.UseHotline();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InProcessService
        {
            App = app, Url = new Uri(address), AuthToken = token, ConnectionString = connectionString,
            AdminConnectionString = admin, Database = database,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The checkout root (flows/ lives there), found from the working directory or this binary.</summary>
    internal static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "HotlineService.sln"))) return dir.FullName;
        }

        return Environment.CurrentDirectory;
    }
}
