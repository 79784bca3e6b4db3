using Hotline.Simulator;
using Npgsql;

namespace Hotline.Benchmark;

/// <summary>After the load: did every call leave its case, with every answer the caller gave?</summary>
public static class CaseAudit
{
    public sealed record Result(int Checked, int MissingCase, int MissingAnswers, int DoubledAnswers = 0)
    {
        public int Lost => MissingCase + MissingAnswers;
    }

    public static async Task<Result> CheckAsync(string connectionString, IReadOnlyCollection<CallTranscript> calls)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c."ExternalId", count(a."Id")
            FROM contacts c JOIN cases k ON k."Id" = c."CaseId"
            LEFT JOIN intake_answers a ON a."ContactId" = c."Id"
            WHERE c."ExternalId" = ANY($1)
            GROUP BY c."ExternalId"
            """, connection);
        command.Parameters.Add(new() { Value = calls.Select(c => c.CallSid).ToArray() });
        var answers = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) answers[reader.GetString(0)] = reader.GetInt64(1);
        int missingCase = 0, missingAnswers = 0, doubledAnswers = 0;
        foreach (var call in calls)
        {
            if (!answers.TryGetValue(call.CallSid, out var count)) missingCase++;
            // Every key pressed on the scripted path is a valid answer, so each must be stored.
            else if (count < call.Pressed.Count) missingAnswers++;
            // ...and only once: a step replayed (Twilio's retry, nginx resending it to another node) writes nothing.
            else if (count > call.Pressed.Count) doubledAnswers++;
        }
        return new Result(calls.Count, missingCase, missingAnswers, doubledAnswers);
    }
}
