using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Conversations;

/// <summary>
/// Tells open console pages (on every node) that a case's conversation changed: a PostgreSQL NOTIFY on the channel
/// the console's listener follows, naming the case only, never personal data. Called after the change is committed.
/// </summary>
/// <remarks>One method on purpose: it is to be replaced by the console's own signal API once that exists.</remarks>
public sealed class ConversationSignals(HotlineDbContext db, ILogger<ConversationSignals> log)
{
    public async Task CaseChangedAsync(Guid caseId)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('hotline_console', {"case:" + caseId})", CancellationToken.None);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The message is stored either way; open pages catch up on their next refresh.
            log.LogWarning(e, "Could not notify open pages of a change to case {CaseId}", caseId);
        }
    }
}
