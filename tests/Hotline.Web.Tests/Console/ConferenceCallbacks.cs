using Hotline.Web.Telephony.LiveCalls;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>Twilio's side of a taken call for the browser tests: signed conference callbacks, as Twilio posts them.</summary>
public static class ConferenceCallbacks
{
    public static async Task PostAsync(
        HotlineApp app, Guid contactId, string what, string? callSid = null, string? extraKey = null, string? extraValue = null)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = TwilioApiMock.AccountSid, ["ConferenceSid"] = ConferenceApiStubs.ConferenceSid,
            ["FriendlyName"] = ConferenceRooms.NameFor(contactId), ["StatusCallbackEvent"] = what,
            ["Timestamp"] = "Wed, 25 Nov 2026 20:00:00 +0000",
        };
        if (callSid is not null) form["CallSid"] = callSid;
        if (extraKey is not null) form[extraKey] = extraValue!;
        var response = await new TwilioWebhooks(app.CreateClient()).PostAsync($"/twilio/voice/conference?contact={contactId:D}", form);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The newest leg of this role on the call (the advocate's, an interpreter's, an outside line's).</summary>
    public static Task<LiveCallLeg> LegAsync(HotlineApp app, Guid contactId, LegRole role) =>
        app.WithDbAsync(db => db.LiveCallLegs.AsNoTracking().Where(l => l.ContactId == contactId && l.Role == role)
            .OrderByDescending(l => l.CreatedAt).FirstAsync());

    /// <summary>Caller and advocate both in the room, as after a take that Twilio put through.</summary>
    public static async Task BothJoinedAsync(HotlineApp app, Guid contactId, string callerSid)
    {
        await PostAsync(app, contactId, "participant-join", callerSid);
        await PostAsync(app, contactId, "participant-join", (await LegAsync(app, contactId, LegRole.Advocate)).CallSid);
    }

    /// <summary>The caller hangs up: their leg ends the room, and the call's own status callback follows.</summary>
    public static async Task CallerHangsUpAsync(HotlineApp app, Guid contactId, string callerSid)
    {
        await PostAsync(app, contactId, "participant-leave", callerSid);
        await PostAsync(app, contactId, "conference-end");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, await new TwilioWebhooks(app.CreateClient()).StatusAsync(callerSid, "completed"));
    }
}
