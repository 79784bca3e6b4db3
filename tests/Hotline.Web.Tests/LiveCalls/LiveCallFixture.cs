using Hotline.Web.Data;
using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.LiveCalls;

/// <summary>The app with two interpreter lines (Spanish with an access code, French without) and Twilio's conference API stubbed.</summary>
public sealed class LiveCallFixture : AppFixture
{
    public const string SpanishLine = "+12025550143";
    public const string FrenchLine = "+12025550144";
    public const string AccessCode = "wwww1234#";
    /// <summary>The sample directory's national police unit; its duty line is +12025550100.</summary>
    public static readonly Guid Police = Guid.Parse("7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0001");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hotline:Interpreters:0:Language"] = "es",
        ["Hotline:Interpreters:0:Name"] = "Spanish interpreters",
        ["Hotline:Interpreters:0:Number"] = SpanishLine,
        ["Hotline:Interpreters:0:AccessCode"] = AccessCode,
        ["Hotline:Interpreters:1:Language"] = "fr",
        ["Hotline:Interpreters:1:Name"] = "French interpreters",
        ["Hotline:Interpreters:1:Number"] = FrenchLine,
        ["Hotline:Interpreters:1:Hours"] = "Mon,Tue,Wed,Thu,Fri 08:00-18:00",
    };

    public TwilioWebhooks Webhooks => new(App.CreateClient());

    /// <summary>A queued Spanish-speaking caller taken by a new operator (phone +15550100222); the advocate's leg placed.</summary>
    public async Task<Taken> TakeAsync()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(App);
        var email = await ConsoleSeed.UserAsync(App, Roles.Operator, phone: "+15550100222");
        var client = await ConsoleClient.SignedInAsync(App, email, ConsoleSeed.OperatorPassword);
        var response = await ConsoleClient.PostFormAsync(client, "/", $"/board/take/{caller.ContactId}", []);
        Assert.Equal($"/cases/{caller.CaseId}", response.Headers.Location?.ToString());
        var advocate = await LegAsync(caller.ContactId, LegRole.Advocate);
        return new Taken(caller.CaseId, caller.ContactId, caller.CallSid, caller.Reference, ConferenceRooms.NameFor(caller.ContactId),
            advocate.CallSid!, client);
    }

    public Task<LiveCallLeg> LegAsync(Guid contactId, LegRole role) =>
        App.WithDbAsync(db => db.LiveCallLegs.AsNoTracking().Where(l => l.ContactId == contactId && l.Role == role)
            .OrderByDescending(l => l.CreatedAt).FirstAsync());

    /// <summary>A signed conference status callback, as Twilio posts it.</summary>
    public async Task ConferenceEventAsync(
        Taken call, string what, string? callSid = null, string? extraKey = null, string? extraValue = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioApiMock.AccountSid, ["ConferenceSid"] = ConferenceApiStubs.ConferenceSid,
            ["FriendlyName"] = call.Room, ["StatusCallbackEvent"] = what, ["Timestamp"] = "Wed, 25 Nov 2026 20:00:00 +0000",
        };
        if (callSid is not null) form["CallSid"] = callSid;
        if (extraKey is not null) form[extraKey] = extraValue!;
        var response = await Webhooks.PostAsync($"/twilio/voice/conference?contact={call.ContactId:D}", form);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>A signed call-status callback for one leg the hotline dialled.</summary>
    public async Task LegStatusAsync(LiveCallLeg leg, string status)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioApiMock.AccountSid, ["CallSid"] = leg.CallSid ?? TwilioWebhooks.NewCallSid(), ["CallStatus"] = status,
            ["From"] = HotlineApp.HotlineNumber, ["To"] = "+15550100222",
        };
        var response = await Webhooks.PostAsync($"/twilio/voice/participant?leg={leg.Id:D}", form);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }
}

public sealed record Taken(
    Guid CaseId, Guid ContactId, string CallerSid, string Reference, string Room, string AdvocateSid, HttpClient Client);
