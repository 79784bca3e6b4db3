using Hotline.Web.Data;
using Hotline.Web.Live;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hotline.Web.Conversations;

/// <summary>One status callback from Twilio about a message we sent: the row it names (when it names one), its SID, the news.</summary>
public sealed record DeliveryReport(Guid? MessageId, string MessageSid, MessageStatus Status, string? ErrorCode);

/// <summary>
/// Applies Twilio's delivery reports to the transcript. Each write is one conditional statement, so reports arriving
/// together, twice or out of order leave the forward-most status (<see cref="MessageStatusOrder"/>).
/// </summary>
public sealed class DeliveryReports(HotlineDbContext db, MessageDelivery delivery, ConsoleSignals signals, TimeProvider clock)
{
    /// <summary>True when the row changed; false for a report about nothing we know, an earlier attempt, or old news.</summary>
    public async Task<bool> RecordAsync(DeliveryReport report, CancellationToken ct)
    {
        var rows = report.MessageId is { } id
            ? db.ConversationMessages.Where(m => m.Id == id)
            : db.ConversationMessages.Where(m => m.MessageSid == report.MessageSid);
        var row = await rows.AsNoTracking()
            .Select(m => new { m.Id, m.CaseId, m.MessageSid, m.Direction })
            .Join(db.Cases, m => m.CaseId, c => c.Id, (m, c) => new { m.Id, m.CaseId, m.MessageSid, m.Direction, c.CallerHash })
            .SingleOrDefaultAsync(ct);
        // Unknown (or inbound) rows: nothing to do, and a 2xx so Twilio does not retry it for ever.
        if (row is null || row.Direction != MessageDirection.Outbound) return false;
        // A report about an earlier attempt of a retried message: the row now follows the new attempt.
        if (row.MessageSid is not null && row.MessageSid != report.MessageSid) return false;

        var changed = row.MessageSid is null && await FillInSidAsync(row.Id, report.MessageSid, ct);
        changed |= await MoveForwardAsync(row.Id, report, ct);
        if (report.ErrorCode == MessageProblems.OptedOutCode) await delivery.OptOutAsync(row.CallerHash);
        if (changed) await signals.CaseChangedAsync(row.CaseId, CancellationToken.None);
        return changed;
    }

    /// <summary>The automatic replies sent in Twilio's answer to a webhook learn their SID from their first report.</summary>
    private async Task<bool> FillInSidAsync(Guid id, string sid, CancellationToken ct)
    {
        try
        {
            return await db.ConversationMessages.Where(m => m.Id == id && m.MessageSid == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.MessageSid, sid), ct) == 1;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false; // another row has that SID: the report is not about this one
        }
    }

    private async Task<bool> MoveForwardAsync(Guid id, DeliveryReport report, CancellationToken ct)
    {
        var overtaken = MessageStatusOrder.Overtakes(report.Status);
        var failed = MessageStatusOrder.IsFailure(report.Status);
        var code = failed ? report.ErrorCode : null;
        var problem = failed ? MessageProblems.Of(report.ErrorCode) : null;
        var now = clock.GetUtcNow();
        return await db.ConversationMessages
            .Where(m => m.Id == id && m.MessageSid == report.MessageSid && overtaken.Contains(m.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, report.Status).SetProperty(m => m.ErrorCode, code)
                .SetProperty(m => m.Problem, problem).SetProperty(m => m.StatusAt, now), ct) == 1;
    }
}
