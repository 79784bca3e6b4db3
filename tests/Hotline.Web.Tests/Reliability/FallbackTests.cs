using System.Net;
using System.Net.Sockets;
using System.Text;
using Hotline.Simulator;
using Hotline.Web.Telephony;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reliability;

/// <summary>
/// Twilio's fallback URL answers the safe TwiML (emergency number, then the backup line) to any POST: it is
/// what callers hear when the primary refuses them, so it cannot share the primary's reasons to refuse (issue 11, point 1).
/// </summary>
public class FallbackTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static Dictionary<string, string> CallForm() => new()
    {
        ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = TwilioWebhooks.CallerNumber, ["To"] = HotlineApp.HotlineNumber,
        ["ErrorCode"] = "11200", ["ErrorUrl"] = HotlineApp.PublicBaseUrl + VoiceRoutes.Incoming,
    };

    internal static async Task AssertSafeTwimlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = new Twiml(await response.Content.ReadAsStringAsync());
        Assert.Contains("call 911", answer.AllText);
        Assert.True(answer.Has("Dial"));
        Assert.Contains("+15550100111", answer.Xml); // Hotline:BackupLine
    }

    [Fact]
    public async Task Fallback_Unsigned_AnswersEmergencyNumberAndBackupLine()
    {
        var response = await fixture.App.CreateClient().PostAsync(VoiceRoutes.Fallback, new FormUrlEncodedContent(CallForm()));

        await AssertSafeTwimlAsync(response);
    }

    [Fact]
    public async Task Fallback_WrongSignature_AnswersEmergencyNumberAndBackupLine()
    {
        var form = CallForm();
        var rotated = TwilioSignature.Compute("a-rotated-auth-token", HotlineApp.PublicBaseUrl + VoiceRoutes.Fallback, form);

        var response = await new TwilioWebhooks(fixture.App.CreateClient()).PostAsync(VoiceRoutes.Fallback, form, rotated);

        await AssertSafeTwimlAsync(response);
    }

    [Fact]
    public async Task Fallback_NoBodyJsonOrBrokenForm_AnswersEmergencyNumberAndBackupLine()
    {
        var client = fixture.App.CreateClient();
        var bodies = new HttpContent?[]
        {
            null,
            new StringContent("{\"CallSid\": 42}", Encoding.UTF8, "application/json"),
            new StringContent("--x\r\nnot a part", Encoding.UTF8, "multipart/form-data"), // no boundary: unreadable as a form
            new ByteArrayContent([0, 0xFF, 0xFE, 0x00, 0x41]),
        };
        foreach (var body in bodies)
            await AssertSafeTwimlAsync(await client.PostAsync(VoiceRoutes.Fallback, body));
    }
}

/// <summary>The per-caller and global webhook limits at their smallest: the primary refuses, the fallback must not.</summary>
public class TinyLimitsFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:WebhooksPerSecond"] = "1",
        ["RateLimits:PerCallerPerMinute"] = "1",
    };
}

public class FallbackFloodTests(TinyLimitsFixture fixture) : IClassFixture<TinyLimitsFixture>
{
    [Fact]
    public async Task Fallback_FloodBeyondGlobalAndPerCallerLimits_StillAnswers200()
    {
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        // The limits are live: a second webhook from the same caller within the minute is refused on the primary.
        var primary = new[]
            { VoiceRoutes.QueueWait, VoiceRoutes.QueueWait }.Select(path => twilio.PostAsync(path, new Dictionary<string, string>
            { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = TwilioWebhooks.CallerNumber }));
        Assert.Contains(await Task.WhenAll(primary), r => r.StatusCode == HttpStatusCode.TooManyRequests);

        // 60 at once, one caller, signed or not: far past both limits.
        var flood = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
        {
            var form = new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = TwilioWebhooks.CallerNumber };
            return i % 2 == 0 ? twilio.PostAsync(VoiceRoutes.Fallback, form)
                : fixture.App.CreateClient().PostAsync(VoiceRoutes.Fallback, new FormUrlEncodedContent(form));
        }));

        foreach (var response in flood) await FallbackTests.AssertSafeTwimlAsync(response);
    }
}

/// <summary>The app pointed at a port where no database listens.</summary>
public sealed class UnreachableDatabaseFixture : IAsyncLifetime
{
    public HotlineApp App { get; private set; } = null!;
    private readonly TwilioApiMock _twilio = new();

    public Task InitializeAsync()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        } // closed again: nothing listens there
        var connectionString = $"Host=127.0.0.1;Port={port};Database=hotline;Username=hotline;Password=unused;Timeout=2";
        App = new HotlineApp(connectionString, _twilio, new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "false" });
        _ = App.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _twilio.Dispose();
    }
}

public class FallbackWithoutDatabaseTests(UnreachableDatabaseFixture fixture) : IClassFixture<UnreachableDatabaseFixture>
{
    [Fact]
    public async Task Fallback_DatabaseUnreachable_AnswersSignedAndUnsignedWithEmergencyNumberAndBackupLine()
    {
        var client = fixture.App.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode); // really no database

        var form = new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = TwilioWebhooks.CallerNumber };
        await FallbackTests.AssertSafeTwimlAsync(await new TwilioWebhooks(client).PostAsync(VoiceRoutes.Fallback, form));
        await FallbackTests.AssertSafeTwimlAsync(await client.PostAsync(VoiceRoutes.Fallback, new FormUrlEncodedContent(form)));
    }
}
