using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// The sweep's questions to the database: which promises are due and not kept. Each answer is bounded; what is
/// left over is found by the next sweep a minute later.
/// </summary>
public sealed class PromiseFinder(HotlineDbContext db, HotlineSettings settings)
{
    private const int Batch = 100;
    /// <summary>The normal hand-off after a commit gets this long before the sweep steps in.</summary>
    private static readonly TimeSpan HandOffGrace = TimeSpan.FromMinutes(1);

    public sealed record OwedDelivery(Guid ReferralId, int Round);

    public sealed record Reminder(Guid ReferralId, Guid CaseId, string Key, string Text);

    /// <summary>Referrals waiting for the agency whose latest round has not reached it, and that no job holds (or whose hold
    /// lapsed).</summary>
    public async Task<IReadOnlyList<OwedDelivery>> UndeliveredReferralsAsync(DateTimeOffset now) =>
        await db.Referrals.AsNoTracking()
            .Where(r => ReferralStatuses.AwaitingAgency.Contains(r.Status)
                && (r.DeliveredRound == null || r.DeliveredRound < r.ResendCount)
                && (r.DeliveryClaimedUntil == null || r.DeliveryClaimedUntil < now))
            .OrderBy(r => r.CreatedAt).Take(Batch)
            .Select(r => new OwedDelivery(r.Id, r.ResendCount))
            .ToListAsync();

    public async Task<IReadOnlyList<Guid>> PassedAcknowledgementDeadlinesAsync(DateTimeOffset now) =>
        await db.Referrals.AsNoTracking()
            .Where(r => ReferralStatuses.AwaitingAgency.Contains(r.Status) && r.AcknowledgeBy <= now)
            .OrderBy(r => r.AcknowledgeBy).Take(Batch).Select(r => r.Id).ToListAsync();

    /// <summary>Cases whose intake ended but whose pathway never ran (it sets the triage deadline).</summary>
    public async Task<IReadOnlyList<Guid>> CasesWithoutPathwayAsync(DateTimeOffset now)
    {
        var before = now - HandOffGrace;
        return await db.Cases.AsNoTracking()
            .Where(c => c.TriageDueAt == null && c.Status != CaseStatus.Intake && c.Status != CaseStatus.Closed && c.UpdatedAt < before)
            .OrderBy(c => c.UpdatedAt).Take(Batch).Select(c => c.Id).ToListAsync();
    }

    public async Task<IReadOnlyList<Guid>> PassedTriageDeadlinesAsync(DateTimeOffset now) =>
        await db.Cases.AsNoTracking()
            .Where(
                c => !c.TriageOverdue && c.TriageDueAt <= now && (c.Status == CaseStatus.Intake || c.Status == CaseStatus.AwaitingTriage))
            .OrderBy(c => c.TriageDueAt).Take(Batch).Select(c => c.Id).ToListAsync();

    /// <summary>Crisis alerts the pathway recorded as owed (in the last day) whose SMS was never sent.</summary>
    public async Task<IReadOnlyList<Guid>> CrisisAlertsNotSentAsync(DateTimeOffset now)
    {
        var since = now - TimeSpan.FromDays(1);
        var before = now - HandOffGrace;
        var owed = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "supervisor.alert.crisis" && a.CaseId != null && a.At > since && a.At < before)
            .Select(a => a.CaseId!.Value).Distinct().OrderBy(id => id).Take(Batch).ToListAsync();
        if (owed.Count == 0) return owed;
        var sent = await db.Notifications.AsNoTracking()
            .Where(n => n.CaseId != null && owed.Contains(n.CaseId.Value) && n.Purpose == "supervisor-alert" && n.Status == "Sent"
                && n.Key.EndsWith(":supervisor:" + SupervisorAlertJob.Crisis))
            .Select(n => n.CaseId!.Value).ToListAsync();
        return owed.Except(sent).ToList();
    }

    /// <summary>
    /// Expired referrals (in the last day) whose supervisor alert has not gone, and whose next try is due. The deadline job
    /// expires the referral before it texts: once expired, the deadline query above no longer finds it, so a text that failed
    /// in the sweep would be lost without this.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> EscalationAlertsOwedAsync(DateTimeOffset now)
    {
        var since = now - AlertRetry.Horizon;
        var before = now - HandOffGrace;
        var expired = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Expired && r.ExpiredAt > since && r.ExpiredAt < before
                && !db.Notifications.Any(n => n.ReferralId == r.Id && n.Purpose == "supervisor-alert" && n.Status == "Sent"
                    && n.Key.EndsWith(":expired:supervisor")))
            .OrderBy(r => r.ExpiredAt).Take(Batch).Select(r => r.Id).ToListAsync();
        if (expired.Count == 0) return expired;
        var tried = await db.Notifications.AsNoTracking()
            .Where(n => n.ReferralId != null && expired.Contains(n.ReferralId.Value) && n.Purpose == "supervisor-alert"
                && n.Key.EndsWith(":expired:supervisor"))
            .ToDictionaryAsync(n => n.ReferralId!.Value);
        return expired.Where(id => AlertRetry.IsDue(tried.GetValueOrDefault(id), now)).ToList();
    }

    /// <summary>Cases marked triage-overdue (in the last day) whose supervisor alert has not gone, and whose next try is due.</summary>
    public async Task<IReadOnlyList<Guid>> TriageAlertsOwedAsync(DateTimeOffset now)
    {
        var since = now - AlertRetry.Horizon;
        var before = now - HandOffGrace;
        var overdue = await db.Cases.AsNoTracking()
            .Where(c => c.TriageOverdue && c.TriageDueAt > since && c.TriageDueAt < before
                && (c.Status == CaseStatus.Intake || c.Status == CaseStatus.AwaitingTriage)
                && !db.Notifications.Any(n => n.CaseId == c.Id && n.Purpose == "supervisor-alert" && n.Status == "Sent"
                    && n.Key.EndsWith(":triage-overdue")))
            .OrderBy(c => c.TriageDueAt).Take(Batch).Select(c => c.Id).ToListAsync();
        if (overdue.Count == 0) return overdue;
        var tried = await db.Notifications.AsNoTracking()
            .Where(n => n.CaseId != null && overdue.Contains(n.CaseId.Value) && n.Purpose == "supervisor-alert"
                && n.Key.EndsWith(":triage-overdue"))
            .ToDictionaryAsync(n => n.CaseId!.Value);
        return overdue.Where(id => AlertRetry.IsDue(tried.GetValueOrDefault(id), now)).ToList();
    }

    public async Task<IReadOnlyList<Guid>> DueCallbacksAsync(DateTimeOffset now) =>
        await db.Cases.AsNoTracking()
            .Where(c => c.CallbackAllowed == true && !c.CallbackDue && c.CallbackDueAt <= now && c.Status != CaseStatus.Closed)
            .OrderBy(c => c.CallbackDueAt).Take(Batch * 5).Select(c => c.Id).ToListAsync();

    public sealed record OwedCheckIn(Guid CaseId, int Number);

    /// <summary>Follow-up check-ins due and not settled, whose job had its chance (a lost hand-off, a dead node).</summary>
    public async Task<IReadOnlyList<OwedCheckIn>> DueFollowUpCheckInsAsync(DateTimeOffset now)
    {
        var before = now - HandOffGrace;
        var due = await db.FollowUpCheckIns.AsNoTracking()
            .Where(f => f.SettledAt == null && f.DueAt < before)
            .OrderBy(f => f.DueAt).Take(Batch)
            .Select(f => new { f.CaseId, f.Number })
            .ToListAsync();
        return due.Distinct().Select(f => new OwedCheckIn(f.CaseId, f.Number)).ToList();
    }

    /// <summary>Callback attempts whose outcome is known but whose retry rule was never applied (a lost hand-off).</summary>
    public async Task<IReadOnlyList<Guid>> UnsettledCallbackAttemptsAsync(DateTimeOffset now)
    {
        var before = now - HandOffGrace;
        return await db.CallbackAttempts.AsNoTracking()
            .Where(a => a.SettledAt == null && a.Outcome != null && a.StartedAt < before)
            .OrderBy(a => a.StartedAt).Take(Batch).Select(a => a.Id).ToListAsync();
    }

    /// <summary>
    /// One reminder per interval for each mandatory referral at a dead end. The interval's number is in the
    /// notification key, so each reminder is sent once however many sweeps run; the first interval is left to the
    /// deadline job's own "no agency left" alert.
    /// </summary>
    public async Task<IReadOnlyList<Reminder>> UnresolvedReferralRemindersAsync(DateTimeOffset now)
    {
        var interval = settings.UnresolvedReferralAlertInterval;
        var unresolved = await UnresolvedReferrals.Query(db).AsNoTracking()
            .Where(r => r.ExpiredAt <= now - interval)
            .OrderBy(r => r.ExpiredAt).Take(Batch)
            .Select(r => new { r.Id, r.CaseId, r.Case.Reference, Agency = r.Agency.Name, r.Agency.Type, ExpiredAt = r.ExpiredAt!.Value })
            .ToListAsync();
        return unresolved.Select(r =>
        {
            var round = (int)((now - r.ExpiredAt) / interval);
            var since = (int)(now - r.ExpiredAt).TotalMinutes;
            var text =
                $"Hotline case {r.Reference}: the mandatory {PathwayPolicy.AgencyWords(r.Type)} referral to {r.Agency} is still not " +
                $"acknowledged, "
                + $"{since} min after it expired, and nobody has recorded what was done. Open the case: resend, refer elsewhere or " +
                    $"record a hand-over by phone.";
            return new Reminder(r.Id, r.CaseId, $"referral:{r.Id}:unresolved:{round}", text);
        }).ToList();
    }
}
