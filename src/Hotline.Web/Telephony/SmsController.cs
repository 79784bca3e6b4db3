using Microsoft.AspNetCore.Mvc;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>Twilio inbound SMS webhook; replies as a MessagingResponse.</summary>
[Route("twilio/sms")]
public sealed class SmsController(SmsIntake intake) : TwilioController
{
    [HttpPost("incoming")]
    public async Task<IActionResult> Incoming(CancellationToken ct)
    {
        var response = new MessagingResponse();
        if (SmsWebhook.FromForm(Form) is { } sms && await intake.ReceiveAsync(sms, ct) is { Length: > 0 } reply)
            response.Message(reply);
        return Twiml(response);
    }
}
