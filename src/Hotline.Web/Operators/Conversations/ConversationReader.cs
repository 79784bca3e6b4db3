using Hotline.Core.Cases;
using System.Security.Claims;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators.Conversations;

/// <summary>Reads a case's text conversations for the case page, and audits who read them.</summary>
public sealed class ConversationReader(HotlineDbContext db, Audit audit, TimeProvider clock)
{
    public const string ViewAction = "conversation.view";

    /// <summary>
    /// A page left open re-reads the conversation on every live update; one audit row per update would bury the log
    /// (an hour of texting is hundreds of rows) while saying nothing more than "this person had it open". So a full
    /// page load always writes a row (like case.view), and a live re-fetch writes one only when this user has no
    /// conversation.view on this case in the last 10 minutes: someone reading new messages for hours still leaves
    /// a row every 10 minutes.
    /// </summary>
    public static readonly TimeSpan ReFetchAuditInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Text channels only: calls have no transcript. A web tip is one written report, read here like a text; its
    /// contact is completed on arrival, so it is never open and nothing can be sent "in" it.
    /// </summary>
    public static readonly Channel[] TextChannels = [Channel.Sms, Channel.WhatsApp, Channel.Chat, Channel.Web];

    public static bool IsText(Channel channel) => TextChannels.Contains(channel);

    /// <summary>The case's conversations, newest first; null when the case does not exist.</summary>
    public async Task<ConversationPanel?> ReadAsync(Guid caseId, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, ct)) return null;
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.CaseId == caseId && TextChannels.Contains(c.Channel))
            .OrderByDescending(c => c.StartedAt)
            .Select(c => new
            {
                c.Id, c.Channel, c.Language, c.State, c.StartedAt, c.EndedAt, c.AnsweredBy, c.AnsweredAt, c.AwaitingReplySince,
            })
            .ToListAsync(ct);
        var messages = contacts.Count == 0 ? [] : await db.ConversationMessages.AsNoTracking()
            .Where(m => m.CaseId == caseId).OrderBy(m => m.Sequence).ToListAsync(ct);
        var userIds = contacts.Select(c => c.AnsweredBy).Concat(messages.Select(m => m.AuthorUserId))
            .OfType<string>().Distinct().ToList();
        var names = userIds.Count == 0 ? new Dictionary<string, string>() : await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var threads = contacts.Select(c => new ConversationThread(
            c.Id, c.Channel, c.Language, c.State, c.StartedAt, c.EndedAt, c.AnsweredBy, NameOf(names, c.AnsweredBy), c.AnsweredAt,
            c.AwaitingReplySince,
            messages.Where(m => m.ContactId == c.Id).Select(m => new MessageLine(
                m.Id, m.Sequence, m.Author, NameOf(names, m.AuthorUserId), m.Body, m.At, m.Status, m.Problem,
                MediaReference.Read(m.MediaJson))).ToList())).ToList();
        return new ConversationPanel(caseId, clock.GetUtcNow(), threads);
    }

    /// <summary>The live part of the case page for this user (null when the case does not exist).</summary>
    public async Task<ConversationPart?> PartAsync(Guid caseId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await ReadAsync(caseId, ct) is not { } panel) return null;
        var supervisor = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
        var advocates = supervisor && panel.Current is not null ? await AdvocatesAsync(ct) : [];
        return new ConversationPart(
            panel, user.FindFirstValue(ClaimTypes.NameIdentifier), supervisor, advocates);
    }

    /// <summary>Everyone who can answer a conversation (any console role, not locked out), by name.</summary>
    public async Task<IReadOnlyList<AdvocateOption>> AdvocatesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id) && (u.LockoutEnd == null || u.LockoutEnd < now))
            .OrderBy(u => u.DisplayName)
            .Select(u => new AdvocateOption(u.Id, u.DisplayName))
            .ToListAsync(ct);
    }

    private static string? NameOf(Dictionary<string, string> names, string? userId) =>
        userId is null ? null : names.TryGetValue(userId, out var name) && name.Length > 0 ? name : "another advocate";

    /// <summary>Records that the signed-in user read the conversations of a case (see <see cref="ReFetchAuditInterval"/>).</summary>
    public async Task AuditViewAsync(Guid caseId, string? userId, bool liveReFetch, int conversations, CancellationToken ct)
    {
        if (conversations == 0) return; // nothing was read
        if (liveReFetch && userId is not null)
        {
            var since = clock.GetUtcNow() - ReFetchAuditInterval;
            var recent = await db.AuditEntries.AnyAsync(
                a => a.CaseId == caseId && a.Action == ViewAction && a.Actor == userId && a.At > since, ct);
            if (recent) return;
        }
        audit.Record(ViewAction, caseId, liveReFetch ? "live update" : $"{conversations} conversation(s)");
        await db.SaveChangesAsync(ct);
    }
}
