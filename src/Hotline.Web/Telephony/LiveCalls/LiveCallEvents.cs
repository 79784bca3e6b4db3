using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>One conference status callback, as Twilio posts it (StatusCallbackEvent, CallSid, Hold, Muted...).</summary>
public sealed record ConferenceEvent(Guid ContactId, string Event, string? ConferenceSid, string? CallSid, string? Label, bool? Flag)
{
    /// <summary>When it happened, where Twilio's REST API said so (the reconciliation); null means now.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>
/// Keeps the legs of live calls from Twilio's conference and participant callbacks. Every handler is idempotent
/// (Twilio may repeat or reorder them): a leg only moves forward (Calling, Joined, Left or Failed).
/// </summary>
public sealed class LiveCallEvents(
    HotlineDbContext db, CallerRequeue requeue, ReferralLifecycle referrals, ConsoleSignals signals, TimeProvider clock,
    ILogger<LiveCallEvents> log)
{
    private static readonly HashSet<string> NotJoined = ["busy", "no-answer", "failed", "canceled"];

    public Task ConferenceAsync(ConferenceEvent e, CancellationToken ct) => RetriedAsync(() => ApplyConferenceAsync(e, ct));

    /// <param name="at">When the status happened, where Twilio's REST API said so (the reconciliation); null means now.</param>
    public Task ParticipantAsync(Guid legId, string? callSid, string status, CancellationToken ct, DateTimeOffset? at = null) =>
        RetriedAsync(() => ApplyParticipantAsync(legId, callSid, status, at, ct));

    /// <summary>Two callbacks for one call at once: the loser reads again and applies its event on top.</summary>
    private async Task RetriedAsync(Func<Task<(Guid CaseId, Guid ContactId, string? RequeueFor)?>> apply)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await apply() is not { } done) return;
                await signals.CaseChangedAsync(done.CaseId, CancellationToken.None);
                if (done.RequeueFor is { } reason) await requeue.RequeueAsync(done.ContactId, reason, CancellationToken.None);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
                log.LogInformation("A live-call event raced another; applying it again (attempt {Attempt})", attempt + 1);
            }
        }
    }

    private async Task<(Guid, Guid, string?)?> ApplyConferenceAsync(ConferenceEvent e, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().Where(c => c.Id == e.ContactId)
            .Select(c => new { c.Id, c.CaseId, c.ExternalId }).SingleOrDefaultAsync(ct);
        if (contact is null) return null;
        var now = e.At ?? clock.GetUtcNow();
        var legs = await db.Set<LiveCallLeg>().Where(l => l.ContactId == contact.Id).ToListAsync(ct);
        var leg = e.CallSid is null ? null : legs.FirstOrDefault(l => l.CallSid == e.CallSid);
        if (leg is null && e.CallSid is not null && e.CallSid == contact.ExternalId && e.Event == "participant-join")
        {
            // The caller's own leg: they joined from the queue (or a callback) with <Dial><Conference>.
            leg = new LiveCallLeg
            {
                Id = Guid.NewGuid(), ContactId = contact.Id, CaseId = contact.CaseId, Role = LegRole.Caller, Label = "caller",
                CallSid = e.CallSid, State = LegState.Calling, CreatedAt = now,
            };
            db.Add(leg);
            legs.Add(leg);
        }
        var requeueFor = (string?)null;
        switch (e.Event)
        {
            case "participant-join" when leg is { State: LegState.Calling }:
                leg.State = LegState.Joined;
                leg.JoinedAt = now;
                leg.ConferenceSid ??= e.ConferenceSid;
                if (leg is { Role: LegRole.Outside, AgencyId: { } agencyId, ReferralId: null }) HandOver(leg, agencyId, now);
                break;
            case "participant-leave" when leg is { State: LegState.Calling or LegState.Joined }:
                Leave(leg, now);
                requeueFor = CallerLeftAlone(legs, leg);
                break;
            case "participant-hold" or "participant-unhold" when leg is not null:
                leg.Held = e.Event == "participant-hold";
                break;
            case "participant-mute" or "participant-unmute" when leg is not null:
                leg.Muted = e.Event == "participant-mute";
                break;
            case "conference-end":
                foreach (var live in legs.Where(l => l.IsLive)) Leave(live, now);
                break;
            default:
                return null; // conference-start, repeats, legs we do not know
        }
        await db.SaveChangesAsync(ct);
        return (contact.CaseId, contact.Id, requeueFor);
    }

    /// <summary>A dialled leg's call status (its participant status callback).</summary>
    private async Task<(Guid, Guid, string?)?> ApplyParticipantAsync(
        Guid legId, string? callSid, string status, DateTimeOffset? at, CancellationToken ct)
    {
        var leg = await db.Set<LiveCallLeg>().SingleOrDefaultAsync(l => l.Id == legId, ct);
        if (leg is null) return null;
        var now = at ?? clock.GetUtcNow();
        leg.CallSid ??= callSid;
        string? requeueFor = null;
        if (leg.State == LegState.Calling && (NotJoined.Contains(status) || status == "completed"))
        {
            leg.State = LegState.Failed;
            leg.LeftAt = now;
            leg.Failure = TwilioFailures.LegNotJoined(Who(leg), status);
            if (leg.Role == LegRole.Advocate)
            {
                var legs = await db.Set<LiveCallLeg>().Where(l => l.ContactId == leg.ContactId).ToListAsync(ct);
                requeueFor = CallerLeftAlone(legs, leg);
            }
        }
        else if (leg.State == LegState.Joined && status == "completed")
        {
            Leave(leg, now);
        }
        else
        {
            return null;
        }
        await db.SaveChangesAsync(ct);
        return (leg.CaseId, leg.ContactId, requeueFor);
    }

    /// <summary>
    /// After <paramref name="gone"/> left or failed: when nobody who can help the caller is on the call or coming
    /// (an advocate or an outside party), the reason to put the caller back in the queue; otherwise null.
    /// </summary>
    internal static string? CallerLeftAlone(IReadOnlyList<LiveCallLeg> legs, LiveCallLeg gone)
    {
        if (gone.Role is not (LegRole.Advocate or LegRole.Outside)) return null;
        var caller = legs.FirstOrDefault(l => l.Role == LegRole.Caller);
        if (caller is { State: LegState.Left or LegState.Failed }) return null;
        if (legs.Any(l => l != gone && l.IsLive && l.Role is LegRole.Advocate or LegRole.Outside)) return null;
        return gone.Role == LegRole.Advocate && gone.JoinedAt is null
            ? $"The advocate's leg failed: {gone.Failure ?? "it did not join."}"
            : "Everyone who could help left the call.";
    }

    private static string Who(LiveCallLeg leg) => leg.Role switch
    {
        LegRole.Advocate => "the advocate's phone",
        LegRole.Interpreter => "the interpreter line",
        LegRole.Supervisor => "the supervisor's phone",
        _ => leg.Label,
    };

    private static void Leave(LiveCallLeg leg, DateTimeOffset now)
    {
        leg.State = leg.JoinedAt is null ? LegState.Failed : LegState.Left;
        leg.LeftAt ??= now;
        leg.Held = false;
    }

    /// <summary>The agency joined the caller: a referral made by phone, with its own status.</summary>
    private void HandOver(LiveCallLeg leg, Guid agencyId, DateTimeOffset now)
    {
        var referral = new Referral
        {
            Id = Guid.NewGuid(), CaseId = leg.CaseId, AgencyId = agencyId, Status = ReferralStatus.Pending,
            ConsentBasis = ConsentBasis.Consented, DataLevel = "Minimal", RuleId = "live-call",
            Reason = "Put through by phone during a live call.", CreatedBy = "live-call", CreatedAt = now,
        };
        db.Referrals.Add(referral);
        referrals.Apply(referral, ReferralTrigger.HandOverByPhone, "system", "live call", $"{leg.Label} joined the call");
        leg.ReferralId = referral.Id;
    }
}
