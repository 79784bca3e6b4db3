using System.Net;
using Hotline.Web.Tests.Infrastructure;
using Npgsql;

namespace Hotline.Web.Tests.Reliability;

public class DatabaseDownTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task DatabaseUnreachableMidCall_CallerGetsEmergencyNumberAndBackupLine_Never500()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        var database = new NpgsqlConnectionStringBuilder(fixture.ConnectionString).Database!;
        await TestPostgres.ExecuteAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false");
        await TestPostgres.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();
        try
        {
            var form = new Dictionary<string, string> { ["CallSid"] = sid, ["Digits"] = "1", ["From"] = TwilioWebhooks.CallerNumber };
            var response = await twilio.PostAsync(twiml.GatherAction!, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = new Twiml(await response.Content.ReadAsStringAsync());
            Assert.Contains("call 911", answer.AllText);
            Assert.True(answer.Has("Dial"));
            Assert.Contains("+15550100111", answer.Xml); // the configured backup line

            var sms = await twilio.PostAsync("/twilio/sms/incoming", new Dictionary<string, string>
            {
                ["MessageSid"] = TwilioWebhooks.NewMessageSid(), ["From"] = "+15550009999", ["To"] = HotlineApp.HotlineNumber,
                    ["Body"] = "help",
            });
            Assert.Equal(HttpStatusCode.OK, sms.StatusCode);
            Assert.Contains("911", await sms.Content.ReadAsStringAsync());
        }
        finally
        {
            await TestPostgres.ExecuteAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true");
        }
        // Back up: the call continues from the stored state (the failed step wrote nothing).
        var resumed = await twilio.PressAsync(sid, twiml, "1");
        Assert.Contains("step=1", resumed.GatherAction);
    }

    [Fact]
    public async Task Fallback_WithoutDatabase_GivesEmergencyNumberAndDialsBackupLine()
    {
        // A node whose database is truly unreachable: nothing listens on its port (and nothing is migrated at
        // start, which would fail), so any read or write of the fallback would fail too.
        var unreachable = new NpgsqlConnectionStringBuilder(fixture.ConnectionString)
        {
            Host = "127.0.0.1", Port = ClosedPort(), Timeout = 2, Pooling = false,
        }.ConnectionString;
        await using var app = new HotlineApp(
            unreachable, fixture.Twilio, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        await using (var probe = new NpgsqlConnection(unreachable))
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => probe.OpenAsync()); // connection refused

        var twilio = new TwilioWebhooks(app.CreateClient());
        var answer = await twilio.VoiceAsync("/twilio/voice/fallback", TwilioWebhooks.NewCallSid());
        Assert.Contains("call 911", answer.AllText);
        Assert.True(answer.Has("Dial"));
        Assert.Contains("+15550100111", answer.Xml); // the configured backup line
    }

    /// <summary>A local port nobody listens on: bound for a moment to learn a free one, then released.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
