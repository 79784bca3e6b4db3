using Hangfire;
using Npgsql;

namespace Hotline.Web.Jobs;

/// <summary>
/// The one safety net for every promise. Each promise is a row first (a referral not yet delivered, a deadline,
/// a callback, a follow-up check-in, a crisis alert owed) and a Hangfire job second; the job is only the fast path. Every minute this
/// finds each promise that is due and not kept, and keeps it here, in-process, through the same idempotent job
/// code: so a lost hand-off, a dead node or a job store that refused the job cannot leave a promise unkept.
/// Several nodes may run it at once: one holds a PostgreSQL advisory lock for the sweep, the others skip.
/// </summary>
public sealed class PromiseSweepJob(NpgsqlDataSource database, PromiseFinder find, PromiseKeeper keep, TimeProvider clock)
{
    public const string Id = "promise-sweep";

    // Any constant works; it only has to be the same on every node (and differ from the migration lock).
    private const long LockKey = 0x50_52_4F_4D_49_53_45; // "PROMISE"

    [AutomaticRetry(Attempts = 0)] // it runs again in a minute anyway
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync()
    {
        // A transaction-scoped lock: released by the commit, or by PostgreSQL when this node dies mid-sweep.
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({LockKey})", connection, transaction))
        {
            if (await take.ExecuteScalarAsync() is not true) return; // another node is sweeping right now
        }

        var now = clock.GetUtcNow();
        // Deliveries before deadlines: a referral whose delivery was lost is sent before it can expire.
        foreach (var owed in await find.UndeliveredReferralsAsync(now))
            await keep.DeliverAsync(owed.ReferralId, owed.Round, now);
        foreach (var id in await find.PassedAcknowledgementDeadlinesAsync(now))
            await keep.KeepAsync<ReferralDeadlineJob>("acknowledgement deadline", id, j => j.RunAsync(id));
        foreach (var id in await find.CasesWithoutPathwayAsync(now))
            await keep.KeepAsync<IntakeEndedJob>("pathway", id, j => j.RunAsync(id, CancellationToken.None));
        foreach (var id in await find.PassedTriageDeadlinesAsync(now))
            await keep.KeepAsync<TriageDeadlineJob>("triage deadline", id, j => j.RunAsync(id));
        foreach (var id in await find.CrisisAlertsNotSentAsync(now))
            await keep.KeepAsync<SupervisorAlertJob>("crisis alert", id, j => j.RunAsync(id, SupervisorAlertJob.Crisis));
        // A deadline kept above whose text failed: sent again here on the retry schedule, until it goes or is given up.
        foreach (var id in await find.EscalationAlertsOwedAsync(now))
            await keep.KeepAsync<ReferralDeadlineJob>("escalation alert", id, j => j.RunAsync(id));
        foreach (var id in await find.TriageAlertsOwedAsync(now))
            await keep.KeepAsync<TriageDeadlineJob>("triage alert", id, j => j.RunAsync(id));
        foreach (var id in await find.DueCallbacksAsync(now))
            await keep.KeepAsync<CallbackDueJob>("callback", id, j => j.RunAsync(id));
        foreach (var owed in await find.DueFollowUpCheckInsAsync(now))
            await keep.KeepAsync<FollowUpCheckInJob>("follow-up check-in", owed.CaseId, j => j.RunAsync(owed.CaseId, owed.Number));
        foreach (var id in await find.UnsettledCallbackAttemptsAsync(now))
            await keep.KeepAsync<Telephony.Callbacks.CallbackSettleJob>("callback attempt", id, j => j.RunAsync(id));
        foreach (var reminder in await find.UnresolvedReferralRemindersAsync(now))
        {
            await keep.KeepAsync<Referrals.SupervisorAlerts>("unresolved referral alert", reminder.ReferralId,
                a => a.SendOnceAsync(reminder.Key, reminder.Text, reminder.CaseId, reminder.ReferralId, CancellationToken.None));
        }

        await transaction.CommitAsync();
    }
}
