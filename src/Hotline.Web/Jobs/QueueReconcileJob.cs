using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Telephony;
using Hotline.Web.Telephony.LiveCalls;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Twilio does not retry a status callback that failed, so a caller whose final status was lost would stay
/// "waiting" on the board for ever. A queued call whose wait URL went silent is over or in trouble: ask
/// Twilio's Calls API how it ended and end it the same way a status callback would (abandoned, with the
/// callback promise where the caller consented). When Twilio cannot be asked, the call is closed as abandoned
/// once it has been in the queue longer than the flow's queue time-out. The same sweep then recovers the other
/// callbacks Twilio does not retry: taken calls whose final status was lost (<see cref="TakenCallReconcile"/>), and
/// conference legs whose participant or conference events were lost (<see cref="LiveLegReconcile"/>).
/// </summary>
public sealed class QueueReconcileJob(
    HotlineDbContext db, IntakeRecorder recorder, TwilioCallLookup lookup, Flow flow, TimeProvider clock, ILogger<QueueReconcileJob> log,
    TakenCallReconcile takenCalls, LiveLegReconcile liveLegs)
{
    public const string Id = "queue-reconcile";

    /// <summary>Twilio polls the wait URL about every half minute; four missed polls in a row is no waiting caller.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    private const int Batch = 200;

    [AutomaticRetry(Attempts = 0)] // it runs again in a minute anyway
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public async Task RunAsync()
    {
        var now = clock.GetUtcNow();
        var silentSince = now - Silence;
        // Before its first poll a caller counts from when they were queued.
        var silent = await db.Contacts.AsNoTracking()
            .Where(
                c => c.Channel == Channel.Voice && c.State == ContactState.Queued
                && (c.LastQueuePollAt ?? c.EnqueuedAt ?? c.LastActivityAt) < silentSince)
            .OrderBy(c => c.LastQueuePollAt ?? c.EnqueuedAt ?? c.LastActivityAt)
            .Select(c => c.ExternalId).Take(Batch).ToListAsync();
        foreach (var callSid in silent) await ReconcileAsync(callSid, now);
        db.ChangeTracker.Clear();
        await takenCalls.RunAsync();
        db.ChangeTracker.Clear();
        await liveLegs.RunAsync();
    }

    private async Task ReconcileAsync(string callSid, DateTimeOffset now)
    {
        var ending = await lookup.AskAsync(callSid);
        if (ending is TwilioCallAnswer.Live) return; // Twilio still has the caller: the board is right
        var timeout = TimeSpan.FromMinutes(flow.Queue.TimeoutMinutes);
        var stored = await recorder.ChangeAsync(callSid, contact =>
        {
            // Read again: a poll, a queue result or the status callback may have landed since the query.
            if (contact.State != ContactState.Queued || LastHeard(contact) >= now - Silence) return false;
            if (ending is TwilioCallAnswer.Ended ended) return CallEnding.Apply(recorder, contact, ended.Status);
            if (ending is TwilioCallAnswer.Unknown && (contact.EnqueuedAt ?? contact.LastActivityAt) + timeout > now) return false;
            recorder.Abandon(contact, ContactState.Abandoned);
            return true;
        }, CancellationToken.None);
        if (stored is { State: not ContactState.Queued })
        {
            log.LogInformation(
                "Queued contact {ContactId} went silent and was closed as {State} ({Source})", stored.Id, stored.State, ending);
        }
    }

    private static DateTimeOffset LastHeard(Contact contact) => contact.LastQueuePollAt ?? contact.EnqueuedAt ?? contact.LastActivityAt;
}
