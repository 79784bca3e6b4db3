using Hotline.Web.Live;

namespace Hotline.Web.Conversations;

/// <summary>
/// Tells open console pages (on every node) that a case's conversation changed, through the console's
/// <see cref="ConsoleSignals"/> (a NOTIFY naming the case only, never personal data). Called after the change is
/// committed, so pages re-read what is stored.
/// </summary>
public sealed class ConversationSignals(ConsoleSignals signals, ILogger<ConversationSignals> log)
{
    public async Task CaseChangedAsync(Guid caseId)
    {
        try
        {
            await signals.CaseChangedAsync(caseId, CancellationToken.None);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The message is stored either way; open pages catch up on their next refresh.
            log.LogWarning(e, "Could not notify open pages of a change to case {CaseId}", caseId);
        }
    }
}
