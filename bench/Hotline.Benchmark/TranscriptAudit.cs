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

    public sealed record ChatResult(int Conversations, int Sent, int Found, int Unseen)
    {
        public int Lost => Sent - Found + Unseen;
    }

    /// <summary>
    /// After the chat load: every visitor message a Texter row and every advocate reply an Advocate row of the
    /// visitor's own conversation; a reply the visitor never fetched counts as lost too.
    /// </summary>
    public static async Task<ChatResult> CheckChatAsync(
        string connectionString, IReadOnlyCollection<ChatLoadRunner.Conversation> conversations)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // A visitor's message counts only as a Texter row of their own contact (a row filed elsewhere is lost).
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM conversation_messages m
            JOIN unnest($1, $3) AS u(sid, contact) ON u.sid = m."MessageSid" AND u.contact = m."ContactId"
            WHERE m."Author" = 'Texter'
            UNION ALL
            SELECT count(*) FROM conversation_messages m WHERE m."Id" = ANY($2) AND m."Author" = 'Advocate'
            """, connection);
        var texts = conversations.SelectMany(c => c.Sent.Select(s => (Sid: s, c.ContactId))).ToList();
        command.Parameters.Add(new() { Value = texts.Select(t => t.Sid).ToArray() });
        command.Parameters.Add(new() { Value = conversations.SelectMany(c => c.Replies).ToArray() });
        command.Parameters.Add(new() { Value = texts.Select(t => t.ContactId).ToArray() });
        var found = 0;
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) found += (int)reader.GetInt64(0);
        var sent = texts.Count + conversations.Sum(c => c.Replies.Count);
        return new ChatResult(conversations.Count, sent, found, conversations.Sum(c => c.Replies.Count - c.RepliesSeen));
    }

    /// <summary>The text's row when it is in this conversation; default (no conversation) when missing or filed elsewhere.</summary>
    private static (string Conversation, long Sequence) RowOf(
        Dictionary<string, (string Conversation, long Sequence)> rows, string sid, string conversation) =>
        rows.TryGetValue(sid, out var row) && row.Conversation == conversation ? row : default;
}
