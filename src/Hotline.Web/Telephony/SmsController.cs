using Hotline.Web.Conversations;
using Microsoft.AspNetCore.Mvc;
using Twilio.TwiML;

namespace Hotline.Web.Telephony;

/// <summary>
/// Twilio's inbound messaging webhook, for SMS and WhatsApp alike (WhatsApp senders arrive as <c>whatsapp:+...</c>);
/// replies as a MessagingResponse whose status comes back to the transcript row it names.
/// </summary>
[Route("twilio/sms")]
public sealed class SmsController(ConversationIntake intake) : TwilioController
{
    [HttpPost("incoming")]
    public async Task<IActionResult> Incoming(CancellationToken ct)
    {
        var response = new MessagingResponse();
        if (InboundText.FromForm(Form) is { } text && await intake.ReceiveAsync(text, ct) is { } reply)
        {
            response.Message(reply.Body,
                action: reply.MessageId is { } id ? new Uri(MessageRoutes.StatusOf(id), UriKind.Relative) : null);
        }
        return Twiml(response);
    }
}
