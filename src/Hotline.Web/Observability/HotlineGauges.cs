using System.Diagnostics.Metrics;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Hotline.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Observability;

/// <summary>
/// The domain gauges, read from PostgreSQL only when metrics are collected (a Prometheus scrape, an OTLP export), and at
/// most once per <see cref="MaxAge"/> however many gauges or scrapers ask: a few COUNTs, off the webhook path.
/// </summary>
public sealed class HotlineGauges
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private Snapshot? _last;

    /// <param name="meters">The host's meter factory: the gauges go away with the host (tests start many).</param>
    public HotlineGauges(IServiceScopeFactory scopes, TimeProvider clock, TwilioRefusals refusals, IMeterFactory meters)
    {
        _scopes = scopes;
        _clock = clock;
        var meter = meters.Create(HotlineTelemetry.Name);
        meter.CreateObservableGauge("hotline.callers.waiting", () => Read().CallersWaiting, "{caller}", "Callers queued for an operator");
        meter.CreateObservableGauge(
            "hotline.callers.longest_wait", () => Read().LongestWaitSeconds, "s", "How long the longest-waiting caller has waited");
        meter.CreateObservableGauge(
            "hotline.conversations.waiting", () => Read().ConversationsWaiting, "{conversation}", "Text conversations awaiting a reply");
        meter.CreateObservableGauge(
            "hotline.referrals.overdue", () => Read().ReferralsOverdue, "{referral}", "Referrals past their acknowledgement deadline");
        meter.CreateObservableGauge(
            "hotline.deliveries.failed", () => Read().DeliveriesFailed, "{notification}", "Notifications whose last attempt failed");
        meter.CreateObservableCounter(
            "hotline.twilio.signature_refusals", () => refusals.Total, "{request}", "Twilio requests refused for a wrong signature");
    }

    private Snapshot Read()
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } last && now - last.At < MaxAge) return last;
            try
            {
                _last = Query(now);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // The database check reports the outage; the gauges keep their last values (or zero) meanwhile.
                _last = (_last ?? new Snapshot(now, 0, 0, 0, 0, 0)) with { At = now };
            }
            return _last;
        }
    }

    private Snapshot Query(DateTimeOffset now)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var waiting = BoardLists.CallersWaiting(db.Contacts.AsNoTracking());
        var callers = waiting.Count();
        var oldest = callers == 0 ? null : waiting.Min(c => (DateTimeOffset?)(c.EnqueuedAt ?? c.StartedAt));
        return new Snapshot(
            now,
            callers,
            oldest is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0,
            db.Contacts.Count(c => c.AwaitingReplySince != null),
            db.Referrals.Count(r => r.AcknowledgeBy < now && ReferralStatuses.AwaitingAgency.Contains(r.Status)),
            db.Notifications.Count(n => n.Status == "Failed"));
    }

    private sealed record Snapshot(
        DateTimeOffset At, int CallersWaiting, double LongestWaitSeconds, int ConversationsWaiting, int ReferralsOverdue,
        int DeliveriesFailed);
}
