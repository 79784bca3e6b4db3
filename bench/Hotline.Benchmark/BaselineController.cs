using Microsoft.AspNetCore.Mvc;
using Hotline.Web.Telephony;
using Npgsql;

namespace Hotline.Benchmark;

/// <summary>
/// The benchmark's yardstick: the least real work a webhook can do (signed form, one SELECT and one UPDATE
/// by CallSid on contacts, fixed TwiML). It lives in the benchmark and is added to the service as an
/// application part only when the benchmark hosts it, so the service assembly never contains it. It derives
/// from <see cref="TwilioController"/> so it pays the same signature check and rate limit as a real webhook.
/// </summary>
[Route("twilio/voice/baseline")]
public sealed class BaselineController(NpgsqlDataSource database) : TwilioController
{
    private const string Answer = """<?xml version="1.0" encoding="UTF-8"?><Response><Say>Baseline.</Say></Response>""";

    [HttpPost]
    public async Task<IActionResult> Post(CancellationToken ct)
    {
        var callSid = Request.Form["CallSid"].ToString();
        await using var connection = await database.OpenConnectionAsync(ct); // the real path's pool and settings
        await using (var select = new NpgsqlCommand("""SELECT "Step" FROM contacts WHERE "ExternalId" = $1""", connection))
        {
            select.Parameters.Add(new() { Value = callSid });
            await select.ExecuteScalarAsync(ct);
        }
        await using (var update = new NpgsqlCommand("""UPDATE contacts SET "LastActivityAt" = now() WHERE "ExternalId" = $1""", connection))
        {
            update.Parameters.Add(new() { Value = callSid });
            await update.ExecuteNonQueryAsync(ct);
        }
        return Content(Answer, "application/xml");
    }
}
