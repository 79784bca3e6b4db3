using Hotline.Web.Telephony;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Conversations;

/// <summary>
/// Twilio's status callback for the messages we send (advocates' replies through the API, automatic replies in TwiML):
/// signed like every webhook. Answers 204 to anything it cannot use, so Twilio never retries a report for ever; a
/// request that is not a report at all (no MessageSid, a malformed row id) gets a 400 problem.
/// </summary>
[Route("twilio/messages")]
public sealed class MessageStatusController(DeliveryReports reports) : TwilioController
{
    [HttpPost("status")]
    public async Task<IActionResult> Status([FromQuery(Name = "m")] string? m, CancellationToken ct)
    {
        Guid? messageId = null;
        if (!string.IsNullOrEmpty(m))
        {
            if (!Guid.TryParse(m, out var id)) return BadReport("The m parameter must name a transcript row (a GUID).");
            messageId = id;
        }
        var sid = FormValues.Short(Form["MessageSid"], 65);
        if (sid is null or { Length: < 10 or > 64 } || !sid.All(char.IsAsciiLetterOrDigit))
        {
            return BadReport("A status callback carries the MessageSid it reports on.");
        }
        // Statuses that say nothing about delivery (receiving, received, unknown words) change nothing.
        if (MessageStatusOrder.FromTwilio(Form["MessageStatus"].ToString()) is not { } status) return NoContent();
        // Twilio's error codes are numbers; anything else is not one (and must not reach the row as text).
        var errorCode = FormValues.Short(Form["ErrorCode"], 12) is { } code && code.All(char.IsAsciiDigit) ? code : null;
        await reports.RecordAsync(new DeliveryReport(messageId, sid, status, errorCode), ct);
        return NoContent();
    }

    private ObjectResult BadReport(string detail) =>
        Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Not a message status report");
}
