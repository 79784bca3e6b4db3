using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>
/// Twilio does not retry a conference or participant status callback, so one lost to a database error would leave a
/// leg "on the call" for ever: the board wrong, an interpreter's minutes running on. Legs still live after a few
/// minutes are asked about at Twilio's Calls API and settled through the very handlers the callbacks use
/// (<see cref="LiveCallEvents"/>), with Twilio's own times, so the minutes are the real ones. Both handlers only move
/// a leg forward: a late callback after a settled leg, or a settled leg after a callback, changes nothing.
/// </summary>
public sealed class LiveLegReconcile(HotlineDbContext db, LiveCallEvents events, TwilioCallLookup twilio, TimeProvider clock)
{
    /// <summary>A leg rings for at most 30 s; its join and leave arrive within seconds. Older and live: worth asking.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(3);

    /// <summary>A leg whose CallSid was never kept (a crash between the row and Twilio's answer) cannot be asked about.</summary>
    public static readonly TimeSpan NeverPlaced = TimeSpan.FromHours(1);

    private const int Batch = 200;

    public async Task RunAsync()
    {
        var now = clock.GetUtcNow();
        var quietSince = now - Quiet;
        var live = await db.Set<LiveCallLeg>().AsNoTracking()
            .Where(l => (l.State == LegState.Calling || l.State == LegState.Joined) && (l.JoinedAt ?? l.CreatedAt) < quietSince)
            .OrderBy(l => l.JoinedAt ?? l.CreatedAt).Take(Batch)
            .ToListAsync();
        foreach (var leg in live)
        {
            if (!await SettleAsync(leg, now)) return; // Twilio cannot be reached: the next run tries them all again
        }
    }

    /// <returns>False when Twilio could not be asked.</returns>
    private async Task<bool> SettleAsync(LiveCallLeg leg, DateTimeOffset now)
    {
        if (leg.CallSid is null)
        {
            if (leg.CreatedAt < now - NeverPlaced) await events.ParticipantAsync(leg.Id, null, "failed", CancellationToken.None);
            return true;
        }
        switch (await twilio.AskAsync(leg.CallSid))
        {
            case TwilioCallAnswer.Unknown:
                return false;
            case TwilioCallAnswer.Live { Answered: true } answered when leg.State == LegState.Calling:
                await JoinAsync(leg, Earlier(answered.AnsweredAt ?? now, now));
                break;
            case TwilioCallAnswer.Ended ended:
                var at = ended.EndedAt is { } end ? Earlier(end, now) : now;
                if (leg.State == LegState.Calling && ended.AnsweredAt is { } picked)
                {
                    // It joined and left without either callback reaching us: both, in order, so its minutes are kept.
                    await JoinAsync(leg, Earlier(picked, at));
                    await LeaveAsync(leg, at);
                }
                else if (leg.State == LegState.Joined)
                {
                    await LeaveAsync(leg, Later(at, leg.JoinedAt));
                }
                else
                {
                    await events.ParticipantAsync(leg.Id, leg.CallSid, ended.Status, CancellationToken.None, at);
                }
                break;
            case TwilioCallAnswer.NotFound:
                await events.ParticipantAsync(leg.Id, leg.CallSid, leg.State == LegState.Joined ? "completed" : "failed",
                    CancellationToken.None);
                break;
        }
        return true;
    }

    /// <summary>The conference's participant-join (the callback that would have said it), at Twilio's time.</summary>
    private Task JoinAsync(LiveCallLeg leg, DateTimeOffset at) =>
        events.ConferenceAsync(new ConferenceEvent(leg.ContactId, "participant-join", leg.ConferenceSid, leg.CallSid, null, null)
        {
            At = at,
        }, CancellationToken.None);

    /// <summary>
    /// The conference's participant-leave rather than the leg's "completed": it also puts a caller left alone back in
    /// the queue, as the callback would have.
    /// </summary>
    private Task LeaveAsync(LiveCallLeg leg, DateTimeOffset at) =>
        events.ConferenceAsync(new ConferenceEvent(leg.ContactId, "participant-leave", leg.ConferenceSid, leg.CallSid, null, null)
        {
            At = at,
        }, CancellationToken.None);

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } t && t > a ? t : a;
}
