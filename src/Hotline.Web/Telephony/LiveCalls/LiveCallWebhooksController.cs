using Hotline.Core.Flows;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>Twilio's callbacks about live calls: conference events, dialled legs' statuses, and the hold music.</summary>
[Route("twilio/voice")]
public sealed class LiveCallWebhooksController(LiveCallEvents events, LiveCallSettings settings, Flow flow) : TwilioController
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
            await events.ConferenceAsync(new ConferenceEvent(c, what, FormValues.Short(Form["ConferenceSid"], 64),
                FormValues.Short(Form["CallSid"], 64), FormValues.Short(Form["ParticipantLabel"], 40), flag), ct);
        }
        return NoContent();
    }

    [HttpPost("participant")]
    public async Task<IActionResult> Participant([FromQuery] string? leg, CancellationToken ct)
    {
        var status = FormValues.Short(Form["CallStatus"], 20);
        if (Guid.TryParse(leg, out var legId) && CallStatuses.IsKnown(status))
            await events.ParticipantAsync(legId, FormValues.Short(Form["CallSid"], 64), status!.ToLowerInvariant(), ct);
        return NoContent();
    }

    /// <summary>Twilio's wait and hold URL: the flow's hold message, then music, so a waiting caller never hears silence.</summary>
    [HttpPost("conference-hold")]
    public IActionResult Hold([FromQuery] string? lang) => Twiml(ConferenceTwiml.Hold(flow, lang, settings.HoldMusic));
}
