using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hotline.Simulator;
using Hotline.Web.Data;
using Hotline.Web.Telephony;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Telephony;

/// <summary>
/// A webhook refused for a wrong signature is what a rotated auth token or a wrong PublicBaseUrl looks like:
/// every caller is refused. It must be loud: an error log with a count, degraded health, a board banner (issue 11, point 1).
/// </summary>
public partial class TwilioRefusalTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Banner = "Twilio requests are being refused: check the auth token / PublicBaseUrl";
    private static readonly TimeSpan PastTheWindow = TwilioRefusals.RecentWindow + TimeSpan.FromMinutes(1);

    /// <summary>An incoming call signed with a token the hotline no longer has (the token was rotated in Twilio).</summary>
    private async Task<HttpStatusCode> RefusedCallAsync()
    {
        var form = new Dictionary<string, string>
        {
            ["CallSid"] = TwilioWebhooks.NewCallSid(), ["From"] = TwilioWebhooks.CallerNumber, ["To"] = HotlineApp.HotlineNumber,
            ["SpeechResult"] = "he took my passport",
        };
        var signature = TwilioSignature.Compute("the-rotated-auth-token", HotlineApp.PublicBaseUrl + VoiceRoutes.Incoming, form);
        return (await new TwilioWebhooks(fixture.App.CreateClient()).PostAsync(VoiceRoutes.Incoming, form, signature)).StatusCode;
    }

    private List<string> RefusalLogs() => fixture.App.Logs.Lines
        .Where(l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("does not verify", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Webhook_WrongSignature_LogsErrorWithRunningCountAndNoCallerData()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedCallAsync());
        Assert.Equal(HttpStatusCode.Forbidden, await RefusedCallAsync());

        var logs = RefusalLogs();
        Assert.True(logs.Count >= 2, "no error-level log for refused signatures");
        var totals = logs.Select(l => long.Parse(Total().Match(l).Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(totals[^2] + 1, totals[^1]); // a running count
        Assert.All(logs, l =>
        {
            Assert.Contains("Twilio:AuthToken", l);
            Assert.DoesNotContain("5557654321", l);
            Assert.DoesNotContain("passport", l);
        });
    }

    [Fact]
    public async Task Webhook_MissingSignature_IsRefusedButRaisesNoAlarm()
    {
        var before = RefusalLogs().Count;
        var response = await fixture.App.CreateClient().PostAsync(VoiceRoutes.Incoming,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["CallSid"] = TwilioWebhooks.NewCallSid() }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, RefusalLogs().Count); // Twilio always signs: an unsigned POST is not a misconfiguration
    }

    [Fact]
    public async Task Ready_WhileSignaturesAreRefused_IsDegradedThenHealthyAfterTheWindow()
    {
        var client = fixture.App.CreateClient();
        fixture.App.Clock.Advance(PastTheWindow);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));

        await RefusedCallAsync();
        var degraded = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode); // Degraded, not Unhealthy: the service still works
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());

        fixture.App.Clock.Advance(PastTheWindow);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task Board_WhileSignaturesAreRefused_ShowsBannerToSupervisorsNotOperators()
    {
        var supervisor = await ConsoleClient.SignedInAsync(
            fixture.App, await ConsoleSeed.UserAsync(fixture.App, Roles.Supervisor), ConsoleSeed.OperatorPassword);
        var op = await ConsoleClient.SignedInAsync(
            fixture.App, await ConsoleSeed.UserAsync(fixture.App, Roles.Operator), ConsoleSeed.OperatorPassword);
        fixture.App.Clock.Advance(PastTheWindow);
        Assert.DoesNotContain(Banner, await supervisor.GetStringAsync("/"));

        await RefusedCallAsync();

        Assert.Contains(Banner, await supervisor.GetStringAsync("/"));
        Assert.Contains(Banner, await supervisor.GetStringAsync("/board/live")); // the polled board shows it without a reload
        Assert.DoesNotContain(Banner, await op.GetStringAsync("/"));
        fixture.App.Clock.Advance(PastTheWindow);
        Assert.DoesNotContain(Banner, await supervisor.GetStringAsync("/board/live"));
    }

    [GeneratedRegex(@"(\d+) since start")]
    private static partial Regex Total();
}
