using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Hotline.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// The visitor's side of their conversation, found by the HMAC of their session token and nothing else: their
/// transcript rows, where they stand (intake, position in line, talking, ended). Rows of any other conversation are
/// unreachable, because every query starts from the contacts whose key is that HMAC.
/// </summary>
public sealed class ChatConversation(
    HotlineDbContext db, CallerHasher hasher, IntakeRecorder recorder, ConsoleSignals signals, TimeProvider clock)
{
    /// <summary>At most this many rows per fetch; the page asks again from the last sequence it got.</summary>
    public const int PageSize = 200;

    private static readonly Channel[] TextChannels = [Channel.Sms, Channel.WhatsApp, Channel.Chat];

    public string KeyOf(string token) => hasher.HashChatSession(token)!;

    /// <summary>The cases this visitor's conversations belong to (one, unless a closed case was followed by a new one).</summary>
    public Task<List<Guid>> CaseIdsAsync(string token, CancellationToken ct)
    {
        var key = KeyOf(token);
        return db.Contacts.AsNoTracking().Where(c => c.ConversationKey == key).Select(c => c.CaseId).Distinct().ToListAsync(ct);
    }

    /// <summary>
    /// The visitor's rows after <paramref name="after"/>, oldest first. An advocate's message counts as delivered
    /// when the visitor's page fetched it: Sent becomes Delivered, and the console hears of it.
    /// </summary>
    public async Task<IReadOnlyList<ChatMessageView>> MessagesAfterAsync(string token, long after, CancellationToken ct)
    {
        var key = KeyOf(token);
        var rows = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.Sequence > after && db.Contacts.Any(c => c.Id == m.ContactId && c.ConversationKey == key))
            .OrderBy(m => m.Sequence)
            .Take(PageSize)
            .Select(m => new { m.Id, m.CaseId, m.Sequence, m.Author, m.Body, m.At, m.Status })
            .ToListAsync(ct);
        var delivered = rows.Where(r => r.Author == MessageAuthor.Advocate && r.Status == MessageStatus.Sent).ToList();
        if (delivered.Count > 0)
        {
            var ids = delivered.Select(r => r.Id).ToList();
            var now = clock.GetUtcNow();
            await db.ConversationMessages.Where(m => ids.Contains(m.Id) && m.Status == MessageStatus.Sent)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Delivered).SetProperty(m => m.StatusAt, now), ct);
            foreach (var caseId in delivered.Select(r => r.CaseId).Distinct()) await signals.CaseChangedAsync(caseId, ct);
        }
        return [.. rows.Select(r => new ChatMessageView(r.Sequence, AuthorOf(r.Author), r.Body ?? "", r.At))];
    }

    private static string AuthorOf(MessageAuthor author) => author switch
    {
        MessageAuthor.Texter => "you",
        MessageAuthor.Advocate => "advocate",
        _ => "hotline",
    };

    /// <summary>Where the visitor's latest conversation stands; while waiting, their place among text conversations waiting.</summary>
    public async Task<ChatStatus> StatusAsync(string token, CancellationToken ct)
    {
        var key = KeyOf(token);
        var latest = await db.Contacts.AsNoTracking()
            .Where(c => c.ConversationKey == key)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => new { c.Id, c.State, c.AnsweredBy, c.AwaitingReplySince, c.CallbackRequested, c.EnqueuedAt })
            .FirstOrDefaultAsync(ct);
        if (latest is null) return new ChatStatus("none", null, [], false);
        switch (latest.State)
        {
            case ContactState.Intake:
                var open = await recorder.LoadConversationAsync(key, ct);
                var choices = open is null ? [] : recorder.CurrentReply(open).Prompt?.Options ?? [];
                return new ChatStatus("intake", null, choices, latest.CallbackRequested);
            case ContactState.Voicemail:
                return new ChatStatus("after-hours", null, [], latest.CallbackRequested);
            case ContactState.Queued when latest.AnsweredBy is null:
                var since = latest.AwaitingReplySince ?? latest.EnqueuedAt;
                int? position = since is null ? null : 1 + await WaitingLongerThanAsync(latest.Id, since.Value, ct);
                return new ChatStatus("waiting", position, [], latest.CallbackRequested);
            case ContactState.Queued or ContactState.WithOperator:
                return new ChatStatus("talking", null, [], latest.CallbackRequested);
            default:
                // Ended by an advocate (the page says so), or otherwise over: a message left after hours, a STOP, an expiry.
                var state = latest.State == ContactState.Completed && latest.AnsweredBy is not null ? "ended" : "closed";
                return new ChatStatus(state, null, [], latest.CallbackRequested);
        }
    }

    /// <summary>Text conversations nobody has taken yet that have waited longer than this one.</summary>
    private Task<int> WaitingLongerThanAsync(Guid contactId, DateTimeOffset since, CancellationToken ct) =>
        db.Contacts.AsNoTracking().CountAsync(c =>
            c.Id != contactId && TextChannels.Contains(c.Channel) && c.State == ContactState.Queued && c.AnsweredBy == null
            && c.AwaitingReplySince != null && c.AwaitingReplySince < since, ct);
}
