using Hotline.Core.Flows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>Twilio's callbacks about live calls: conference events, dialled legs' statuses, and the hold music.</summary>
[Route("twilio/voice")]
public sealed class LiveCallWebhooksController(
    LiveCallEvents events, LiveCallSettings settings, Flow flow, ILogger<LiveCallWebhooksController> log) : TwilioController
{
    [HttpPost("conference")]
    public async Task<IActionResult> Conference([FromQuery] string? contact, CancellationToken ct)
    {
        var contactId = ConferenceRooms.ContactOf(FormValues.Short(Form["FriendlyName"], 64))
            ?? (Guid.TryParse(contact, out var id) ? id : null);
        var what = FormValues.Short(Form["StatusCallbackEvent"], 40);
        if (contactId is { } c && what is not null)
        {
            var flag = what switch
            {
                "participant-hold" or "participant-unhold" => Form["Hold"] == "true",
                "participant-mute" or "participant-unmute" => Form["Muted"] == "true",
                _ => (bool?)null,
            };
            var e = new ConferenceEvent(c, what, FormValues.Short(Form["ConferenceSid"], 64), FormValues.Short(Form["CallSid"], 64),
                FormValues.Short(Form["ParticipantLabel"], 40), flag);
            return await StoredAsync(() => events.ConferenceAsync(e, ct));
        }
        return NoContent();
    }

    [HttpPost("participant")]
    public async Task<IActionResult> Participant([FromQuery] string? leg, CancellationToken ct)
    {
        var status = FormValues.Short(Form["CallStatus"], 20);
        if (Guid.TryParse(leg, out var legId) && CallStatuses.IsKnown(status))
        {
            var callSid = FormValues.Short(Form["CallSid"], 64);
            return await StoredAsync(() => events.ParticipantAsync(legId, callSid, status!.ToLowerInvariant(), ct));
        }
        return NoContent();
    }

    /// <summary>
    /// A status callback the database could not take is answered 503, not "all is well": Twilio's debugger then shows it,
    /// and the recurring reconcile (<see cref="LiveLegReconcile"/>) settles the leg from Twilio's Calls API, because
    /// Twilio does not retry status callbacks. No TwiML: nobody hears an answer to a status callback.
    /// </summary>
    private async Task<IActionResult> StoredAsync(Func<Task> store)
    {
        try
        {
            await store();
            return NoContent();
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or RetryLimitExceededException
            or TimeoutException)
        {
            log.LogError(e, "A live-call event for {Path} could not be stored; the live-call reconcile settles it from Twilio",
                Request.Path);
            return Problem(title: "The event could not be stored", detail: "Kept by the reconciliation from Twilio's Calls API.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Twilio's wait and hold URL: the flow's hold message, then music, so a waiting caller never hears silence.</summary>
    [HttpPost("conference-hold")]
    public IActionResult Hold([FromQuery] string? lang) => Twiml(ConferenceTwiml.Hold(flow, lang, settings.HoldMusic));
}
