using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Hotline.Simulator;
using Hotline.Web.Telephony;
using Hotline.Web.Telephony.Callbacks;
using Hotline.Web.Telephony.Softphone;
using Hotline.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Hotline.Web.Tests.Reliability;

/// <summary>
/// Every Twilio webhook under a generated corpus of hostile input (issue 7, item 3): signed requests get safe,
/// well-formed TwiML that never echoes what was sent; unsigned or wrongly signed ones get 403 and change nothing.
/// The fallback URL is the exception by design (issue 11): it answers the safe TwiML to anything.
/// </summary>
public sealed class HostileInputWebhookTests(HostileFixture fixture, ITestOutputHelper output) : IClassFixture<HostileFixture>
{
    private const int Seed = 20261126;
    private const int PerEndpointSigned = 1000;
    private const int PerEndpointUnsigned = 150;
    private static readonly string[] AllowedDials = ["+15550100111"]; // the backup line, in the technical-problem answer

    private static readonly (string Path, string? QueryKey)[] Endpoints =
    [
        (VoiceRoutes.Incoming, null), (VoiceRoutes.Gather, "step"), (VoiceRoutes.QueueWait, "lang"), (VoiceRoutes.QueueCallback, null),
        (VoiceRoutes.QueueResult, null), (VoiceRoutes.Recording, null), (VoiceRoutes.RecordingStatus, null), (VoiceRoutes.Status, null),
        (VoiceRoutes.Fallback, null), (VoiceRoutes.SmsIncoming, null),
        (VoiceRoutes.Conference, "contact"), (VoiceRoutes.Participant, "leg"), (VoiceRoutes.ConferenceHold, "lang"),
        (CallbackRoutes.Amd, "attempt"), (CallbackRoutes.Status, "attempt"),
        (SoftphoneRoutes.Voice, "contact"),
    ];

    private static Dictionary<string, string> RealisticFields(HostileCorpus corpus, string path) => path == VoiceRoutes.SmsIncoming
        ? new()
        {
            ["MessageSid"] = TwilioWebhooks.NewMessageSid(),
                ["From"] = "+1555" + corpus.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture),
                ["To"] = HotlineApp.HotlineNumber,
            ["Body"] = corpus.Pick(new[] { "help", "STOP", "1", "I need help" }), ["AccountSid"] = TwilioApiMock.AccountSid,
        }
        : new()
        {
            ["CallSid"] = TwilioWebhooks.NewCallSid(),
                ["From"] = "+1555" + corpus.Next(10_000_000).ToString("D7", CultureInfo.InvariantCulture),
                ["To"] = HotlineApp.HotlineNumber,
            ["AccountSid"] = TwilioApiMock.AccountSid, ["Digits"] = corpus.Next(10).ToString(CultureInfo.InvariantCulture),
                ["SpeechResult"] = "yes", ["CallStatus"] = "completed",
            ["QueueResult"] = "bridged", ["QueuePosition"] = "2", ["QueueTime"] = "30",
                ["RecordingSid"] = "RE" + Guid.NewGuid().ToString("N"),
            ["RecordingUrl"] = "https://api.twilio.com/rec/RE1", ["RecordingDuration"] = "12",
        };

    private static string Sign(HostileRequest r, string token = HotlineApp.AuthToken)
    {
        var uri = new Uri(HotlineApp.PublicBaseUrl + r.PathAndQuery);
        return TwilioSignature.Compute(token, HotlineApp.PublicBaseUrl + uri.AbsolutePath + uri.Query, r.Parsed);
    }

    [Fact]
    public async Task SignedWebhooks_HostileFields_AnswerSafeWellFormedTwiml()
    {
        var corpus = new HostileCorpus(Seed);
        var requests = Endpoints.SelectMany(e => Enumerable.Range(0, PerEndpointSigned)
            .Select(i => corpus.Request(i, e.Path, RealisticFields(corpus, e.Path), e.QueryKey))).ToList();
        var client = fixture.Client();
        var failures = new ConcurrentQueue<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();
        var errorsBefore = fixture.Log.Errors.Count;

        await HostileRunner.RunAsync(requests, async r =>
        {
            var message = r.ToMessage();
            message.Headers.Add("X-Twilio-Signature", Sign(r));
            var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            counts.AddOrUpdate(PathOf(r), 1, (_, n) => n + 1);
            var problem = Judge(r, response.StatusCode, body);
            if (problem is not null)
            {
                failures.Enqueue($"seed {Seed} {r.Describe()}\n  -> {(int)response.StatusCode}: {problem}; " +
                    $"answer: {body[..Math.Min(body.Length, 300)]}");
            }
        });

        HostileRunner.Report(output, $"Signed webhooks (seed {Seed})", counts);
        output.WriteLine("  answers: " + string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Value}")));
        Assert.All(Endpoints, e => Assert.True(counts.GetValueOrDefault(e.Path) >= PerEndpointSigned, e.Path));
        var errors = fixture.Log.Errors.Skip(errorsBefore).ToList();
        Assert.True(
            errors.Count == 0,
            $"seed {Seed}: webhooks logged {errors.Count} errors (a crash hidden behind the safe-failure TwiML):\n"
            + string.Join("\n", errors.Distinct().Take(10)));
        HostileRunner.Fail(Seed, failures, requests.Count);
    }

    private static string PathOf(HostileRequest r) => r.PathAndQuery.Split('?')[0];

    private static string? Judge(HostileRequest r, HttpStatusCode status, string body)
    {
        if ((int)status >= 500) return "server error";
        if (r.FormUnreadable && PathOf(r) != VoiceRoutes.Fallback)
            // A form over ASP.NET Core's limits (5,000 fields, a 100 KB key) cannot be read, so its signature cannot be checked.
            return status == HttpStatusCode.Forbidden ? null : "a form that cannot be read must be refused with 403";
        if (status == HttpStatusCode.NoContent) return null;
        if (status != HttpStatusCode.OK) return "expected 200 TwiML or 204";
        XDocument doc;
        try { doc = XDocument.Parse(body); }
        catch (System.Xml.XmlException e) { return "TwiML does not parse: " + e.Message; }
        if (doc.Root?.Name.LocalName is not ("Response")) return "root is not <Response>";
        foreach (var dial in doc.Descendants("Dial"))
            if (!AllowedDials.Contains(dial.Value.Trim())) return $"<Dial> to {dial.Value}";
        // The conference's hold answer plays the configured hold music (never an echoed URL: the markers below).
        string[] refused = PathOf(r) == VoiceRoutes.ConferenceHold
            ? ["Redirect", "Sms", "Connect", "Refer"]
            : ["Redirect", "Play", "Sms", "Connect", "Refer"];
        foreach (var verb in refused)
            if (doc.Descendants(verb).Any()) return $"unexpected <{verb}>";
        var text = string.Join("\n", doc.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.Value)));
        foreach (var marker in HostileCorpus.Markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase)
                || body.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return $"echoed '{marker}'";
            }
        }
        foreach (var (key, value) in r.Parsed)
        {
            // Caller input is never read back: no field longer than a few characters appears in the answer.
            if (value.Length >= 6 && key is not ("To" or "AccountSid")
                && text.Contains(value, StringComparison.Ordinal))
            {
                return $"echoed field {key}";
            }
        }
        return null;
    }

    [Fact]
    public async Task UnsignedOrWronglySignedWebhooks_HostileFields_403AndNothingChanges()
    {
        var corpus = new HostileCorpus(Seed + 1);
        var requests = Endpoints.SelectMany(e => Enumerable.Range(0, PerEndpointUnsigned)
            .Select(i => corpus.Request(i, e.Path, RealisticFields(corpus, e.Path), e.QueryKey))).ToList();
        var signatures = requests.Select(r => (r.Index % 6) switch
        {
            0 => null,                                                  // missing
            1 => "",                                                    // empty
            2 => Sign(r, "not-the-auth-token"),                         // signed with another account's token
            3 => TwilioSignature.Compute(HotlineApp.AuthToken, "http://evil.test" + r.PathAndQuery, r.Parsed), // for another URL
            4 => Convert.ToBase64String(Guid.NewGuid().ToByteArray()),  // random
            _ => corpus.Pick(HostileCorpus.Injections).Replace("\r", "").Replace("\n", ""),
        }).ToList();
        var before = await StateAsync();
        var client = fixture.Client();
        var failures = new ConcurrentQueue<string>();
        var counts = new ConcurrentDictionary<string, int>();
        var statuses = new ConcurrentDictionary<int, int>();

        await HostileRunner.RunAsync(Enumerable.Range(0, requests.Count).ToList(), async i =>
        {
            var r = requests[i];
            var message = r.ToMessage();
            if (signatures[i] is { } signature) message.Headers.TryAddWithoutValidation("X-Twilio-Signature", signature);
            var response = await client.SendAsync(message);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            counts.AddOrUpdate(PathOf(r), 1, (_, n) => n + 1);
            // The fallback answers everyone (emergency number, backup line) and writes nothing; the rest refuse.
            var expected = PathOf(r) == VoiceRoutes.Fallback ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (response.StatusCode != expected)
            {
                failures.Enqueue(
                    $"seed {Seed + 1} signature='{signatures[i]}' {r.Describe()}\n  -> {(int)response.StatusCode}, expected " +
                    $"{(int)expected}");
            }
        });

        HostileRunner.Report(output, $"Unsigned/wrongly signed webhooks (seed {Seed + 1})", counts);
        output.WriteLine("  answers: " + string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Value}")));
        HostileRunner.Fail(Seed + 1, failures, requests.Count);
        Assert.Equal(before, await StateAsync());
    }

    private async Task<string> StateAsync()
    {
        var parts = new List<string>();
        foreach (var table in new[] { "cases", "contacts", "intake_answers", "contact_turns", "sms_opt_outs" })
            parts.Add($"{table}={await fixture.CountAsync($"SELECT count(*) FROM {table}")}");
        parts.Add($"contacts.LastActivityAt={await TestPostgres.ScalarAsync<string>(
            fixture.ConnectionString, "SELECT coalesce(max(\"LastActivityAt\")::text, '') FROM contacts")}");
        return string.Join(", ", parts);
    }
}
