using System.Text.RegularExpressions;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Conversations;

/// <summary>
/// A texter's photo or voice note, for signed-in staff only: the service fetches it from Twilio with the
/// account's credentials and streams it here, so Twilio's link never reaches a browser (issue #12, point 4).
/// Every view is audited, like opening a case.
/// </summary>
[Authorize(Policy = Policies.Console)]
[Route("cases/{caseId:guid}/messages/{messageId:guid}/media/{index:int}")]
public sealed partial class MediaController(HotlineDbContext db, TwilioMediaFetcher fetcher, Infrastructure.Audit audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(Guid caseId, Guid messageId, int index, CancellationToken ct)
    {
        // The message must belong to the case in the address: a case id someone may open does not open another's media.
        var row = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.Id == messageId && m.CaseId == caseId).Select(m => new { m.MediaJson }).SingleOrDefaultAsync(ct);
        var media = MediaReference.Read(row?.MediaJson);
        if (index < 0 || index >= media.Count) return NotFound();

        // Recorded before the fetch: looking is what is audited, whether or not Twilio answers.
        audit.Record("media.view", caseId, detail: $"message {messageId:N}, media {index}");
        await db.SaveChangesAsync(ct);

        var fetched = await fetcher.FetchAsync(media[index], ct);
        if (fetched.Response is not { } response)
            return Problem(title: "The media could not be fetched from Twilio", detail: fetched.Problem, statusCode: 502);
        HttpContext.Response.RegisterForDispose(response);
        var contentType = SafeContentType(media[index].ContentType);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentDisposition = ShownInline(contentType) ? "inline" : $"attachment; filename=\"media-{index + 1}\"";
        if (response.Content.Headers.ContentLength is { } length) Response.ContentLength = length;
        var body = new CappedStream(await response.Content.ReadAsStreamAsync(ct), TwilioMediaFetcher.MaxBytes);
        return File(body, contentType, enableRangeProcessing: false);
    }

    /// <summary>
    /// The type stored with the message (what Twilio said), when it is a plain type: anything else is served as
    /// bytes to download. SVG can carry script, so it is never shown inline.
    /// </summary>
    private static string SafeContentType(string stored) =>
        MimeType().IsMatch(stored) ? stored.ToLowerInvariant() : "application/octet-stream";

    private static bool ShownInline(string contentType) =>
        (contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("audio/", StringComparison.Ordinal))
        && !contentType.Contains("svg", StringComparison.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,63}$")]
    private static partial Regex MimeType();
}
