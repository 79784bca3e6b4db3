using System.Diagnostics;
using Hotline.Web.Infrastructure;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Hotline.Web.Tests.Foundation;

/// <summary>Links sent to agencies must work: no public base URL, no start (issue 11, point 7).</summary>
public class PublicBaseUrlTests
{
    private static readonly Dictionary<string, string?> NoPublicBaseUrl = new() { ["Hotline:PublicBaseUrl"] = null };

    [Fact]
    public void Problem_NoPublicBaseUrlAndAgencyChannels_OneLineNamingTheKey()
    {
        var problem = PublicLinkCheck.Problem(null, agencyChannels: 3, isDevelopment: false);

        Assert.NotNull(problem);
        Assert.StartsWith("Configuration error: Hotline:PublicBaseUrl is missing", problem);
        Assert.Contains("Hotline__PublicBaseUrl", problem);
        Assert.DoesNotContain("\n", problem);
        Assert.Null(PublicLinkCheck.Problem(null, agencyChannels: 3, isDevelopment: true));
        Assert.Null(PublicLinkCheck.Problem(null, agencyChannels: 0, isDevelopment: false));
        Assert.Null(PublicLinkCheck.Problem(new Uri("https://hotline.example.org"), agencyChannels: 3, isDevelopment: false));
    }

    [Fact]
    public async Task Start_NoPublicBaseUrlWithSampleAgencies_RefusesWithOneConfigurationLine()
    {
        // A real process: Program turns the refusal into one line on stderr and exit code 2, which is what an
        // operator sees (under WebApplicationFactory, Program's own handling hides it).
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "Hotline.Web.dll")}\"")
            {
                WorkingDirectory = AppContext.BaseDirectory, RedirectStandardError = true, RedirectStandardOutput = true,
                    UseShellExecute = false,
            };
            var env = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["ConnectionStrings__Hotline"] = connectionString, ["Twilio__AccountSid"] = TwilioApiMock.AccountSid,
                ["Twilio__AuthToken"] = HotlineApp.AuthToken, ["Twilio__PhoneNumber"] = HotlineApp.HotlineNumber,
                ["Hotline__CallerHashKey"] = Convert.ToBase64String(new byte[32]),
                    ["Agencies__WebhookSigningSecret"] = Convert.ToBase64String(new byte[32]),
                ["Hotline__SupervisorPhone"] = "+15550100999", ["Hangfire__ServerEnabled"] = "false", ["Hotline__PublicBaseUrl"] = "",
                ["Hotline__FlowFile"] = "flows/national.yaml", ["Hotline__PathwayFile"] = "flows/pathway.national.yaml",
                ["Hotline__AgenciesSeedFile"] = "flows/agencies.sample.yaml",
            };
            foreach (var (key, value) in env) start.Environment[key] = value;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the service started without a public base URL: " + await stdout);
            }

            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, process.ExitCode);
            var line = Assert.Single(lines);
            Assert.StartsWith("Configuration error: Hotline:PublicBaseUrl is missing", line);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task Start_NoPublicBaseUrlInDevelopment_StartsAndWarnsItUsesTheLocalUrl()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        using var twilio = new TwilioApiMock();
        try
        {
            await using var app = new HotlineApp(connectionString, twilio, NoPublicBaseUrl);
            await using var development = app.WithWebHostBuilder(b => b.UseEnvironment("Development"));

            var response = await development.CreateClient().GetAsync("/health/live");

            Assert.True(response.IsSuccessStatusCode);
            Assert.Contains(
                app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Hotline:PublicBaseUrl is not set"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
