using Hangfire;
using Hotline.Core.Callbacks;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.Callbacks;

/// <summary>
/// Applies the pathway's retry rule once an attempt's outcome is known: a person reached keeps the promise ("Callbacks
/// due" clears); otherwise the promise is due again at the next try inside the caller's window, or, when the attempts
/// ran out, it ends and the on-call supervisor is told. Idempotent (the attempt's SettledAt), so Hangfire and the
/// promise sweep may both run it.
/// </summary>
public sealed class CallbackSettleJob(
    HotlineDbContext db, PathwayPolicy pathway, Flow flow, SupervisorAlerts alerts, Audit audit, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [5, 30, 120, 600, 1800])]
    [Queue("critical")]
    public async Task RunAsync(Guid attemptId)
    {
        var attempt = await db.CallbackAttempts.SingleOrDefaultAsync(a => a.Id == attemptId);
        if (attempt?.Outcome is not { } outcome || attempt.SettledAt is not null) return;
        var @case = await db.Cases.SingleAsync(c => c.Id == attempt.CaseId);
        var now = clock.GetUtcNow();
        var rule = pathway.Definition.CallbackRetries;
        // A window that is no longer one of the flow's (edited since) is judged as "no window": the dialler re-checks anyway.
        var window = CallbackWindow.For(flow, @case.CallbackWindow) ?? new CallbackWindow(@case.CallbackWindow ?? "", null);
        var decision = rule.After(outcome, attempt.Number, window, now);

        var what = $"Attempt {attempt.Number} of {rule.MaxAttempts}: {CallbackRules.Words(outcome)}. {attempt.Detail}";
        switch (decision.Promise)
        {
            case CallbackPromise.Kept:
                @case.CallbackDue = false;
                @case.CallbackDueAt = null;
                audit.Record("callback.reached", @case.Id, what + " The promised callback is kept.",
                    actor: attempt.AdvocateId, actorName: attempt.AdvocateName);
                break;
            case CallbackPromise.Rescheduled:
                @case.CallbackDue = true; // still owed: it stays on "Callbacks due", with the time of the next try
                @case.CallbackDueAt = decision.NextAt;
                audit.Record("callback.attempt", @case.Id, what + $" Next try from {CallbackRules.When(decision.NextAt!.Value, flow)}.",
                    actor: attempt.AdvocateId, actorName: attempt.AdvocateName);
                break;
            default:
                // The alert first: it is keyed, so a retry of this job after a failed save never sends it twice.
                await alerts.SendOnceAsync($"callback:{attempt.Id:N}:gave-up",
                    $"Hotline case {@case.Reference}: the promised callback reached nobody after {attempt.Number} attempts "
                    + "and is no longer on the board. Open the case and decide what to do.", @case.Id, null, CancellationToken.None);
                @case.CallbackDue = false;
                @case.CallbackDueAt = null;
                audit.Record("callback.gave-up", @case.Id, what + " The attempts ran out; a supervisor was told.",
                    actor: attempt.AdvocateId, actorName: attempt.AdvocateName);
                break;
        }
        @case.UpdatedAt = now;
        attempt.SettledAt = now;
        attempt.Promise = decision.Promise;
        await db.SaveChangesAsync();
    }
}
