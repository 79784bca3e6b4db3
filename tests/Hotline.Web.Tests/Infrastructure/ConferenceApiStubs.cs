using System.Net;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>Twilio's Conference Participants API on the WireMock stand-in: create (a new CallSid each time), update, remove.</summary>
public static class ConferenceApiStubs
{
    public const string ConferenceSid = "CF00000000000000000000000000000001";
    private static readonly string Conferences = $"^/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Conferences/[^/]+/Participants";

    private const string Digits = "{{Random Type=\"Integer\" Min=100000000 Max=999999999}}";

    public static void StubConferences(this TwilioApiMock twilio)
    {
        twilio.Server.Given(Request.Create().WithPath(new RegexMatcher(Conferences + "\\.json$")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"call_sid\":\"CA00000" + Digits + Digits + Digits
                    + "\",\"conference_sid\":\"" + ConferenceSid + "\",\"account_sid\":\"" + TwilioApiMock.AccountSid + "\"}")
                .WithTransformer());
        twilio.Server.Given(Request.Create().WithPath(new RegexMatcher(Conferences + "/CA[0-9a-zA-Z]+\\.json$")).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("{\"call_sid\":\"CA" + new string('4', 32) + "\",\"conference_sid\":\"" + ConferenceSid + "\"}"));
        twilio.Server.Given(Request.Create().WithPath(new RegexMatcher(Conferences + "/CA[0-9a-zA-Z]+\\.json$")).UsingDelete())
            .RespondWith(Response.Create().WithStatusCode(204));
    }

    public static string ParticipantsPath(string room) =>
        $"/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Conferences/{room}/Participants.json";

    /// <summary>The requests Twilio received whose path matches, each as (method, path, form fields).</summary>
    public static IReadOnlyList<(string Method, string Path, IReadOnlyDictionary<string, string> Form)> Requests(
        this TwilioApiMock twilio, string pathPart) =>
        twilio.Server.LogEntries.Where(e => e.RequestMessage!.Path.Contains(pathPart, StringComparison.Ordinal))
            .Select(e => (e.RequestMessage!.Method, e.RequestMessage.Path, Form(e.RequestMessage.Body ?? ""))).ToList();

    public static IReadOnlyDictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .GroupBy(kv => WebUtility.UrlDecode(kv[0]))
            .ToDictionary(g => g.Key, g => string.Join(",", g.Select(kv => kv.Length > 1 ? WebUtility.UrlDecode(kv[1]) : "")));
}
