using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.Voicemail;

/// <summary>
/// A caller's voicemail, for signed-in staff only: the service fetches the recording from Twilio with the account's
/// credentials (the texts' media fetcher, so the same host and redirect rules hold) and streams it to the case page's
/// audio player. Twilio's link never reaches a browser; every listen is audited, like opening a case (issue #14, 8).
/// </summary>
[Authorize(Policy = Policies.Console)]
[Route("cases/{caseId:guid}/contacts/{contactId:guid}/recording")]
public sealed class VoicemailController(HotlineDbContext db, TwilioMediaFetcher fetcher, Infrastructure.Audit audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Listen(Guid caseId, Guid contactId, CancellationToken ct)
    {
        // The contact must belong to the case in the address: a case someone may open does not open another's recording.
        var row = await db.Contacts.AsNoTracking()
            .Where(c => c.Id == contactId && c.CaseId == caseId).Select(c => new { c.RecordingUrl, c.RecordingSid })
            .SingleOrDefaultAsync(ct);
        if (row?.RecordingUrl is not { } stored) return NotFound();

        // Recorded before the fetch: listening is what is audited, whether or not Twilio answers.
        audit.Record("voicemail.listen", caseId, detail: $"contact {contactId:N}, recording {row.RecordingSid}");
        await db.SaveChangesAsync(ct);

        var fetched = await fetcher.FetchAsync(new MediaReference(VoicemailRecording.Mp3Url(stored), "audio/mpeg"), ct);
        if (fetched.Response is not { } response)
            return Problem(title: "The recording could not be fetched from Twilio", detail: fetched.Problem, statusCode: 502);
        HttpContext.Response.RegisterForDispose(response);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentDisposition = "inline";
        if (response.Content.Headers.ContentLength is { } length) Response.ContentLength = length;
        var body = new CappedStream(await response.Content.ReadAsStreamAsync(ct), TwilioMediaFetcher.MaxBytes);
        return File(body, "audio/mpeg", enableRangeProcessing: false);
    }
}
