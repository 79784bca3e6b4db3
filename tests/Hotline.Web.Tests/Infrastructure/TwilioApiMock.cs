using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>WireMock.Net standing in for api.twilio.com: answers SMS sends and call updates like Twilio does.</summary>
public sealed class TwilioApiMock : IDisposable
{
    public const string AccountSid = "AC00000000000000000000000000000000";
    public WireMockServer Server { get; } = WireMockServer.Start();
    public string Url => Server.Url!;

    public TwilioApiMock() => StubSuccess();

    public void StubSuccess()
    {
        Server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Messages.json").UsingPost())
            .RespondWith(MessageCreated());
        Server.Given(Request.Create()
            .WithPath(new WireMock.Matchers.RegexMatcher($"^/2010-04-01/Accounts/{AccountSid}/Calls/CA[0-9a-zA-Z]+\\.json$")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"sid\":\"CA" + new string('2', 32) + "\",\"status\":\"in-progress\",\"account_sid\":\"" + AccountSid + "\"}"));
        Server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{AccountSid}/Calls.json").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"sid\":\"CA" + new string('3', 32) + "\",\"status\":\"queued\",\"account_sid\":\"" + AccountSid + "\"}"));
        this.StubConferences(); // a taken call is a conference: its participants are added, held, removed
    }

    /// <summary>
    /// Twilio's answer to a send: queued, with a SID of its own each time (Twilio never gives one twice, and the
    /// transcript keeps SIDs unique).
    /// </summary>
    private static IResponseBuilder MessageCreated() =>
        Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
            .WithBody("{\"sid\":\"SM" + string.Concat(Enumerable.Repeat(RandomDigits, 3))
                + "\",\"status\":\"queued\",\"account_sid\":\"" + AccountSid + "\"}")
            .WithTransformer();

    private const string RandomDigits = "{{Random Type=\"Integer\" Min=100000000 Max=999999999}}";

    /// <summary>Twilio taking its time to accept a send (success after <paramref name="delay"/>).</summary>
    public void StubSlowMessages(TimeSpan delay) =>
        Server.Given(Request.Create().WithPath(MessagesPath).UsingPost()).AtPriority(-1).RespondWith(MessageCreated().WithDelay(delay));

    /// <summary>The sends Twilio received, each as its form fields (To, From, Body, StatusCallback, ContentSid...).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> SentMessageForms() =>
        SentMessages().Select(body => (IReadOnlyDictionary<string, string>)body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')),
                kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "")).ToList();

    /// <summary>Bodies of the SMS sends Twilio received (form-encoded).</summary>
    public IReadOnlyList<string> SentMessages() =>
        Server.LogEntries.Where(e => e.RequestMessage!.Path.EndsWith("/Messages.json", StringComparison.Ordinal))
            .Select(e => e.RequestMessage!.Body ?? "").ToList();

    public IReadOnlyList<string> CallUpdates() =>
        Server.LogEntries.Where(e => e.RequestMessage!.Path.Contains("/Calls/")).Select(e => e.RequestMessage!.Body ?? "").ToList();

    /// <summary>
    /// Twilio unreachable for one path: no answer before the app's Twilio client gives up (10 s), which is what
    /// a network outage looks like to the SDK ("Connection Error: POST https://api.twilio.com/...").
    /// </summary>
    public void StubUnreachable(string path) =>
        Server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(12)));

    /// <summary>Twilio answering one path with an error, as its REST API does (its message names the account's URL).</summary>
    public void StubError(string path, int status, int code) =>
        Server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithBody(
                    "{\"code\":" + code + ",\"message\":\"The requested resource " + path
                    + " was not found\",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}"));

    /// <summary>Twilio answering one path with 200 and no body: the SDK then returns null instead of throwing.</summary>
    public void StubEmptyAnswer(string path) =>
        Server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(""));

    /// <summary>Twilio putting a call through slowly: success, after <paramref name="delay"/>.</summary>
    public void StubSlowCallUpdate(string path, TimeSpan delay) =>
        Server.Given(Request.Create().WithPath(path).UsingPost()).AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithDelay(delay)
                .WithBody("{\"sid\":\"CA" + new string('2', 32) + "\",\"status\":\"in-progress\",\"account_sid\":\"" + AccountSid + "\"}"));

    /// <summary>Back to plain success for every path (drops the recorded requests too).</summary>
    public void Restore()
    {
        Server.Reset();
        StubSuccess();
    }

    public string MessagesPath => $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    public static string CallPath(string callSid) => $"/2010-04-01/Accounts/{AccountSid}/Calls/{callSid}.json";

    public void Dispose() => Server.Stop();
}
