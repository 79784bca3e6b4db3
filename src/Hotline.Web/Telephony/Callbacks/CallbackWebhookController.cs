using Microsoft.AspNetCore.Mvc;
using Twilio.TwiML;

namespace Hotline.Web.Telephony.Callbacks;

/// <summary>
/// Twilio's reports on a callback (signed like every webhook): the answering-machine detection result, and the call's
/// final status. Both answer an empty response at once; a repeated report changes nothing.
/// </summary>
public sealed class CallbackWebhookController(CallbackAnswers answers) : TwilioController
{
    [HttpPost(CallbackRoutes.Amd)]
    public async Task<IActionResult> Detected([FromQuery] string? attempt, CancellationToken ct)
    {
        if (Guid.TryParse(attempt, out var id))
            await answers.DetectedAsync(id, FormValues.Short(Form["AnsweredBy"], 40), ct);
        return Twiml(new VoiceResponse());
    }

    [HttpPost(CallbackRoutes.Status)]
    public async Task<IActionResult> Status([FromQuery] string? attempt, CancellationToken ct)
    {
        if (Guid.TryParse(attempt, out var id))
            await answers.EndedAsync(id, FormValues.Short(Form["CallStatus"], 20), FormValues.Short(Form["AnsweredBy"], 40), ct);
        return Twiml(new VoiceResponse());
    }
}
