using Npgsql;

namespace Hotline.Benchmark;

/// <summary>
/// After the messaging load: is every text that was sent a texter row of its own conversation's transcript?
/// Lost = messages sent minus texter rows found, counted per conversation; a row filed under another
/// conversation counts as lost. Out of order = a text stored before one of an earlier round (bursts are one round).
/// </summary>
public static class TranscriptAudit
{
    public sealed record Result(int Conversations, int Sent, int Found, int OutOfOrder)
    {
        public int Lost => Sent - Found;
    }

    public static async Task<Result> CheckAsync(string connectionString, IReadOnlyCollection<SmsLoadRunner.Conversation> conversations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT m."MessageSid", c."ExternalId", m."Sequence"
            FROM conversation_messages m JOIN contacts c ON c."Id" = m."ContactId"
            WHERE m."MessageSid" = ANY($1) AND m."Author" = 'Texter'
            """, connection);
        command.Parameters.Add(new() { Value = conversations.SelectMany(c => c.Sent.Select(s => s.Sid)).ToArray() });
        var rows = new Dictionary<string, (string Conversation, long Sequence)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows[reader.GetString(0)] = (reader.GetString(1), reader.GetInt64(2));

        int sent = 0, found = 0, outOfOrder = 0;
        foreach (var conversation in conversations)
        {
            var mine = conversation.Sent.Select(s => (s.Round, Row: RowOf(rows, s.Sid, conversation.FirstSid))).ToList();
            sent += mine.Count;
            var kept = mine.Where(m => m.Row.Conversation is not null).ToList();
            found += kept.Count;
            // Each round's smallest Sequence must come after the previous round's largest.
            var byRound = kept.GroupBy(m => m.Round).OrderBy(g => g.Key)
                .Select(g => (Min: g.Min(m => m.Row.Sequence), Max: g.Max(m => m.Row.Sequence))).ToList();
            if (byRound.Zip(byRound.Skip(1)).Any(p => p.Second.Min < p.First.Max)) outOfOrder++;
        }
        return new Result(conversations.Count, sent, found, outOfOrder);
    }

    /// <summary>The text's row when it is in this conversation; default (no conversation) when missing or filed elsewhere.</summary>
    private static (string Conversation, long Sequence) RowOf(
        Dictionary<string, (string Conversation, long Sequence)> rows, string sid, string conversation) =>
        rows.TryGetValue(sid, out var row) && row.Conversation == conversation ? row : default;
}
