using System.Net;
using Hotline.Web.Tests.Infrastructure;
using Npgsql;

namespace Hotline.Web.Tests.Foundation;

public class HealthTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Ready_DatabaseUpAndMigrated_Returns200()
    {
        var response = await fixture.App.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Live_Always_Returns200()
    {
        var response = await fixture.App.CreateClient().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_DatabaseStopped_Returns503ThenRecovers()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database!;
        var client = fixture.App.CreateClient();
        // "Stop" this test's database: refuse new connections and cut the existing ones.
        await TestPostgres.ExecuteAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        await TestPostgres.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();
        try
        {
            var down = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            await TestPostgres.ExecuteAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
