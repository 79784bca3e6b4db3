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
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        using var twilio = new TwilioApiMock();
        try
        {
            await using var app = new HotlineApp(connectionString, twilio, NoPublicBaseUrl);

            var e = Assert.ThrowsAny<Exception>(() => app.Server);

            var refusal = Assert.IsType<ConfigurationException>(e is AggregateException a ? a.Flatten().InnerException : e);
            Assert.StartsWith("Configuration error: Hotline:PublicBaseUrl is missing", refusal.Message);
            Assert.True(HostCommands.IsOperatorFixable(refusal)); // printed as one line, exit code 2
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
            Assert.Contains(app.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Hotline:PublicBaseUrl is not set"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }
}
