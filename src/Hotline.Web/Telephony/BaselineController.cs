using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Hotline.Web.Telephony;

/// <summary>
/// The benchmark's yardstick: the least real work a webhook can do (signed form, one SELECT and one UPDATE
/// by CallSid on contacts, fixed TwiML). Exists only when Benchmark:BaselineEndpoint is true
/// (<see cref="BaselineEndpoint"/> removes it otherwise), so production never exposes it.
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
