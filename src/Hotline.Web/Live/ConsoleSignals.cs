using Npgsql;

namespace Hotline.Web.Live;

/// <summary>
/// Tells every node's console that a case or the board changed, through PostgreSQL NOTIFY on
/// <see cref="Channel"/>; <see cref="ConsoleSignalListener"/> on each node turns it into SignalR pushes.
/// <para>Contract: the payload is ids only (<see cref="CasePayload"/> = <c>case:&lt;guid&gt;</c>, or
/// <see cref="BoardPayload"/>), never personal data; NOTIFY payloads travel in clear to every listener and are
/// limited to 8,000 bytes. A NOTIFY issued inside a transaction is delivered only when it commits (nothing on
/// rollback), and identical payloads within one transaction are delivered once.</para>
/// <para>Inside your own statement or transaction, either run <see cref="NotifySql"/> (one parameter: the
/// payload) on the same connection, call <see cref="NotifyAsync(NpgsqlConnection, string, CancellationToken)"/>,
/// or put <c>pg_notify('hotline_console', $n)</c> in the SELECT list of the statement's primary query.
/// Beware: a CTE such as <c>, signal AS (SELECT pg_notify('hotline_console', $n))</c> runs only if the primary
/// query reads it (PostgreSQL evaluates a SELECT in WITH only as far as it is read), e.g.
/// <c>... SELECT contact.xmin FROM contact, signal</c>; see <see cref="SignalCte"/>.</para>
/// </summary>
public sealed class ConsoleSignals(NpgsqlDataSource database, ILogger<ConsoleSignals> log)
{
    /// <summary>The PostgreSQL channel every node LISTENs on.</summary>
    public const string Channel = "hotline_console";
    public const string BoardPayload = "board";
    /// <summary>One statement, one parameter (the payload): <c>SELECT pg_notify('hotline_console', $1)</c>.</summary>
    public const string NotifySql = "SELECT pg_notify('" + Channel + "', $1)";

    /// <summary><c>case:&lt;guid&gt;</c> (lower-case, with dashes): the case page and the board refresh.</summary>
    public static string CasePayload(Guid caseId) => "case:" + caseId.ToString("D");

    /// <summary>
    /// A CTE for a hand-written <c>WITH ...</c> statement: <c>signal AS (SELECT pg_notify('hotline_console', {parameter}))</c>.
    /// Append it after a comma and make the primary query read it (<c>FROM contact, signal</c>), or it never runs.
    /// </summary>
    public static string SignalCte(string payloadParameter) =>
        "signal AS (SELECT pg_notify('" + Channel + "', " + payloadParameter + ") AS sent)";

    /// <summary>
    /// A case changed (its transcript, status, anything shown on its page). Sent at once on its own connection, so
    /// call it after your commit (browsers re-read at once); inside a transaction use <see cref="NotifyAsync"/>.
    /// </summary>
    public Task CaseChangedAsync(Guid caseId, CancellationToken ct) => SendAsync(CasePayload(caseId), ct);

    /// <summary>Something on the board changed that belongs to no single case.</summary>
    public Task BoardChangedAsync(CancellationToken ct) => SendAsync(BoardPayload, ct);

    /// <summary>
    /// NOTIFY on the caller's connection: inside an open transaction it is delivered on commit, never on rollback.
    /// EF: <c>db.Database.ExecuteSqlAsync($"SELECT pg_notify({ConsoleSignals.Channel}, {ConsoleSignals.CasePayload(id)})")</c>
    /// joins the context's current transaction the same way.
    /// </summary>
    public static async Task NotifyAsync(NpgsqlConnection connection, string payload, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(NotifySql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = payload });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// After a commit the change is stored whatever happens here: a notice that cannot be sent is logged, never thrown,
    /// and open pages catch up on their next refresh (their fallback poll, or the resync after a reconnect).
    /// </summary>
    private async Task SendAsync(string payload, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await NotifyAsync(connection, payload, ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            log.LogWarning(e, "Could not tell open pages of a change ({Payload})", payload);
        }
    }
}
