using System.Text.RegularExpressions;
using Npgsql;

namespace Hotline.Benchmark;

/// <summary>
/// After a run with a node killed: did each call's intake-ended job (the pathway: triage deadline, mandatory
/// referrals, crisis alert) run, and only once? Read from the cases, the audit trail and Hangfire's own tables.
/// </summary>
public static partial class JobAudit
{
    /// <param name="Cases">cases of the completed calls</param>
    /// <param name="Evaluated">cases the pathway has evaluated (their triage deadline is set)</param>
    /// <param name="BySweep">evaluated although no Hangfire run of their job succeeded: kept by the promise sweep</param>
    /// <param name="Owed">not evaluated yet but durably owed: the sweep finds them (status past intake, no triage deadline)</param>
    /// <param name="Missing">neither evaluated nor owed: a promise lost</param>
    /// <param name="Duplicates">cases whose job succeeded more than once, or whose once-only audit rows are doubled</param>
    public sealed record Result(int Cases, int Evaluated, int BySweep, int Owed, int Missing, int Duplicates, int MaxRunsPerCase)
    {
        public bool Settled => Evaluated == Cases;
    }

    /// <summary>Audit rows the pathway and the callback job write at most once per case.</summary>
    private static readonly string[] OnceActions = ["supervisor.alert.crisis", "callback.due"];

    public static async Task<Result> CheckAsync(string connectionString, IReadOnlyCollection<string> callSids)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var cases = new Dictionary<Guid, (bool Evaluated, bool Owed)>();
        await using (var command = new NpgsqlCommand("""
            SELECT k."Id", k."TriageDueAt" IS NOT NULL, k."Status" NOT IN ('Intake', 'Closed')
            FROM contacts c JOIN cases k ON k."Id" = c."CaseId" WHERE c."ExternalId" = ANY($1)
            """, connection))
        {
            command.Parameters.Add(new() { Value = callSids.ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) cases[reader.GetGuid(0)] = (reader.GetBoolean(1), reader.GetBoolean(2));
        }

        // Every run Hangfire made of IntakeEndedJob: a job whose node died mid-run is fetched again only after the
        // storage's invisibility timeout, so two Succeeded states for one case would be a job run twice.
        var succeeded = new Dictionary<Guid, int>();
        await using (var command = new NpgsqlCommand("""
            SELECT j.arguments::text, count(s.id) FILTER (WHERE s.name = 'Succeeded')
            FROM hangfire.job j LEFT JOIN hangfire.state s ON s.jobid = j.id
            WHERE j.invocationdata::text LIKE '%IntakeEndedJob%'
            GROUP BY j.id, j.arguments::text
            """, connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (CaseIdIn().Match(reader.GetString(0)) is { Success: true } m && Guid.TryParse(m.Value, out var id))
                    succeeded[id] = succeeded.GetValueOrDefault(id) + (int)reader.GetInt64(1);
            }
        }

        var doubledRows = new HashSet<Guid>();
        await using (var command = new NpgsqlCommand("""
            SELECT "CaseId" FROM audit_entries WHERE "CaseId" = ANY($1) AND "Action" = ANY($2)
            GROUP BY "CaseId", "Action" HAVING count(*) > 1
            UNION
            SELECT "CaseId" FROM referrals r JOIN agencies a ON a."Id" = r."AgencyId"
            WHERE r."CaseId" = ANY($1) AND r."Mandatory" GROUP BY r."CaseId", a."Type" HAVING count(*) > 1
            """, connection))
        {
            command.Parameters.Add(new() { Value = cases.Keys.ToArray() });
            command.Parameters.Add(new() { Value = OnceActions });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) doubledRows.Add(reader.GetGuid(0));
        }

        int evaluated = 0, bySweep = 0, owed = 0, missing = 0, duplicates = 0, maxRuns = 0;
        foreach (var (id, state) in cases)
        {
            var runs = succeeded.GetValueOrDefault(id);
            maxRuns = Math.Max(maxRuns, runs);
            if (runs > 1 || doubledRows.Contains(id)) duplicates++;
            if (state.Evaluated)
            {
                evaluated++;
                if (runs == 0) bySweep++;
            }
            else if (state.Owed)
            {
                owed++;
            }
            else
            {
                missing++;
            }
        }
        return new Result(cases.Count, evaluated, bySweep, owed, missing, duplicates, maxRuns);
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex CaseIdIn();
}
