using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Hotline.Web.Tests.Callbacks;

/// <summary>Cases that owe a callback, and Twilio's REST API answering calls the way it does (a new CallSid each time).</summary>
public static class CallbackSeed
{
    public const string CallerNumber = "+15557654321";

    public static async Task<Guid> CaseOwingCallbackAsync(HotlineApp app, string window, bool voicemailAllowed)
    {
        var now = app.Clock.GetUtcNow();
        var @case = new Case
        {
            Id = Guid.NewGuid(), Reference = CaseReferences.New(now), Status = CaseStatus.AwaitingTriage, FirstChannel = Channel.Voice,
            FlowId = "national", Language = "en", CallerNumber = CallerNumber, CallerHash = "hash-" + Guid.NewGuid().ToString("N"),
            CallbackAllowed = true, CallbackWindow = window, VoicemailAllowed = voicemailAllowed, CallbackDue = true,
            CallbackDueAt = now - TimeSpan.FromMinutes(5), CreatedAt = now - TimeSpan.FromHours(1), UpdatedAt = now,
            TriageDueAt = now + TimeSpan.FromHours(1),
        };
        await app.WithDbAsync(async db =>
        {
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
        });
        return @case.Id;
    }

    /// <summary>Calls.json answers 201 with a fresh CallSid (the mock's default gives one fixed SID; attempts keep SIDs unique).</summary>
    public static void AnswerCallsWithFreshSids(TwilioApiMock twilio) =>
        twilio.Server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Calls.json").UsingPost())
            .AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"sid\":\"CA00000{{Random Type=\"Integer\" Min=100000000 Max=999999999}}"
                    + "{{Random Type=\"Integer\" Min=100000000 Max=999999999}}{{Random Type=\"Integer\" Min=100000000 Max=999999999}}"
                    + "\",\"status\":\"queued\",\"account_sid\":\"" + TwilioApiMock.AccountSid + "\"}")
                .WithTransformer());

    /// <summary>Participants added to a conference (the advocate's leg) answer like Twilio does.</summary>
    public static void AnswerParticipants(TwilioApiMock twilio) =>
        twilio.Server.Given(Request.Create()
                .WithPath(new WireMock.Matchers.RegexMatcher(
                    $"^/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Conferences/.+/Participants\\.json$"))
                .UsingPost())
            .AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("{\"call_sid\":\"CA" + new string('7', 32) + "\",\"conference_sid\":\"CF" + new string('7', 32)
                    + "\",\"account_sid\":\"" + TwilioApiMock.AccountSid + "\",\"status\":\"queued\",\"label\":\"advocate\"}"));

    /// <summary>A form-encoded request body as its fields (repeated keys keep their last value).</summary>
    public static IReadOnlyDictionary<string, string> Form(string? body) =>
        (body ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .GroupBy(kv => Uri.UnescapeDataString(kv[0].Replace('+', ' ')))
            .ToDictionary(g => g.Key, g => g.Last() is { Length: > 1 } kv ? Uri.UnescapeDataString(kv[1].Replace('+', ' ')) : "");
}
