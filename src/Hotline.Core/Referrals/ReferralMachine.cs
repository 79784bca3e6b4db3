using Stateless;
using Stateless.Graph;

namespace Hotline.Core.Referrals;

/// <summary>
/// The lifecycle of one referral. Built per use around state stored elsewhere (the database row),
/// because a machine instance is neither shared between requests nor thread-safe.
/// </summary>
public static class ReferralMachine
{
    /// <summary>
    /// Repeats and late arrivals that change nothing, so retried webhooks and at-least-once jobs are
    /// harmless: once the agency has answered, a second acknowledgement, a late delivery receipt or the
    /// old deadline firing succeed with Changed == false (the deadline job then knows not to escalate).
    /// </summary>
    private static readonly (ReferralStatus Status, ReferralTrigger Trigger)[] IgnoredRepeats =
    [
        (ReferralStatus.Delivered, ReferralTrigger.DeliveryConfirmed),
        (ReferralStatus.Failed, ReferralTrigger.DeliveryFailed),
        (ReferralStatus.Acknowledged, ReferralTrigger.Acknowledge),
        (ReferralStatus.Acknowledged, ReferralTrigger.DeliveryConfirmed),
        (ReferralStatus.Acknowledged, ReferralTrigger.DeadlinePassed),
        (ReferralStatus.Accepted, ReferralTrigger.Accept),
        (ReferralStatus.Accepted, ReferralTrigger.Acknowledge),
        (ReferralStatus.Accepted, ReferralTrigger.DeliveryConfirmed),
        (ReferralStatus.Accepted, ReferralTrigger.DeadlinePassed),
        (ReferralStatus.Declined, ReferralTrigger.Decline),
        (ReferralStatus.Declined, ReferralTrigger.Acknowledge),
        (ReferralStatus.Declined, ReferralTrigger.DeliveryConfirmed),
        (ReferralStatus.Declined, ReferralTrigger.DeadlinePassed),
        (ReferralStatus.Expired, ReferralTrigger.DeadlinePassed),
        (ReferralStatus.Expired, ReferralTrigger.DeliveryConfirmed),
        (ReferralStatus.Closed, ReferralTrigger.Close),
        (ReferralStatus.HandedOverByPhone, ReferralTrigger.HandOverByPhone),
    ];

    public static StateMachine<ReferralStatus, ReferralTrigger> Create(Func<ReferralStatus> read, Action<ReferralStatus> write)
    {
        var machine = Build(read, write);
        IgnoreRepeats(machine);
        return machine;
    }

    private static StateMachine<ReferralStatus, ReferralTrigger> Build(Func<ReferralStatus> read, Action<ReferralStatus> write)
    {
        var machine = new StateMachine<ReferralStatus, ReferralTrigger>(read, write);

        machine.Configure(ReferralStatus.Pending)
            .Permit(ReferralTrigger.Dispatch, ReferralStatus.Sent)
            .Permit(ReferralTrigger.DeliveryFailed, ReferralStatus.Failed)
            // A phone hand-over is made in person during a call: nothing is sent, and the agency already answered.
            .Permit(ReferralTrigger.HandOverByPhone, ReferralStatus.HandedOverByPhone);

        machine.Configure(ReferralStatus.HandedOverByPhone)
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed);

        machine.Configure(ReferralStatus.Sent)
            .Permit(ReferralTrigger.DeliveryConfirmed, ReferralStatus.Delivered)
            .Permit(ReferralTrigger.DeliveryFailed, ReferralStatus.Failed)
            // SMS carriers do not always return a delivery receipt; an answer proves delivery.
            .Permit(ReferralTrigger.Acknowledge, ReferralStatus.Acknowledged)
            .Permit(ReferralTrigger.DeadlinePassed, ReferralStatus.Expired);

        machine.Configure(ReferralStatus.Delivered)
            .Permit(ReferralTrigger.Acknowledge, ReferralStatus.Acknowledged)
            .Permit(ReferralTrigger.DeadlinePassed, ReferralStatus.Expired);

        machine.Configure(ReferralStatus.Failed)
            .Permit(ReferralTrigger.Retry, ReferralStatus.Sent)
            // A delivery that keeps failing must still escalate when the deadline passes.
            .Permit(ReferralTrigger.DeadlinePassed, ReferralStatus.Expired);

        machine.Configure(ReferralStatus.Acknowledged)
            .Permit(ReferralTrigger.Accept, ReferralStatus.Accepted)
            .Permit(ReferralTrigger.Decline, ReferralStatus.Declined);

        machine.Configure(ReferralStatus.Accepted)
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed);

        machine.Configure(ReferralStatus.Declined)
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed);

        machine.Configure(ReferralStatus.Expired)
            // The case moved on to the next rung; this referral only waits to be closed.
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed);

        return machine;
    }

    private static void IgnoreRepeats(StateMachine<ReferralStatus, ReferralTrigger> machine)
    {
        foreach (var (status, trigger) in IgnoredRepeats)
        {
            machine.Configure(status).Ignore(trigger);
        }
    }

    /// <summary>Applies one trigger to a stored status; never throws for a refused change.</summary>
    public static ReferralTransition Apply(ReferralStatus current, ReferralTrigger trigger)
    {
        var state = current;
        var machine = Create(() => state, s => state = s);
        if (!machine.CanFire(trigger))
        {
            return new ReferralTransition(current, trigger, current, ErrorFor(current, trigger));
        }

        machine.Fire(trigger);
        return new ReferralTransition(current, trigger, state, null);
    }

    /// <summary>Triggers that move the referral on from <paramref name="status"/> (ignored repeats excluded).</summary>
    public static IReadOnlyList<ReferralTrigger> AllowedTriggers(ReferralStatus status) =>
        MachineTriggers.Allowed(Create(() => status, _ => { }), status);

    /// <summary>The lifecycle as a picture; ignored repeats are left out because they would only add noise.</summary>
    public static string ToMermaid() =>
        MermaidGraph.Format(Build(() => ReferralStatus.Pending, _ => { }).GetInfo());

    private static string ErrorFor(ReferralStatus current, ReferralTrigger trigger) => (current, trigger) switch
    {
        (ReferralStatus.Closed, _) => "A closed referral cannot change",
        (ReferralStatus.Expired, ReferralTrigger.Acknowledge or ReferralTrigger.Accept or ReferralTrigger.Decline) =>
            "This referral expired and was escalated; a late answer cannot revive it (note it on the case instead)",
        (ReferralStatus.Pending, ReferralTrigger.Acknowledge or ReferralTrigger.Accept or ReferralTrigger.Decline) =>
            "A referral that was never sent cannot be answered",
        (ReferralStatus.Sent or ReferralStatus.Delivered, ReferralTrigger.Accept or ReferralTrigger.Decline) =>
            $"{Article(current)} referral must be acknowledged before it is {Verb(trigger)}",
        (ReferralStatus.Accepted, ReferralTrigger.Decline) => "An accepted referral cannot be declined; close it instead",
        (_, ReferralTrigger.Retry) => $"Only a failed delivery can be retried; this referral is {Adjective(current)}",
        (_, ReferralTrigger.Close) =>
            $"Only an accepted, declined, expired or phoned-through referral can be closed; this one is {Adjective(current)}",
        (_, ReferralTrigger.HandOverByPhone) => "Only a referral not yet sent can be handed over by phone",
        _ => $"{Article(current)} referral cannot be {Verb(trigger)}",
    };

    private static string Adjective(ReferralStatus status) => status.ToString().ToLowerInvariant();

    private static string Article(ReferralStatus status)
    {
        var adjective = Adjective(status);
        return ("aeiou".Contains(adjective[0]) ? "An " : "A ") + adjective;
    }

    private static string Verb(ReferralTrigger trigger) => trigger switch
    {
        ReferralTrigger.Dispatch => "sent",
        ReferralTrigger.DeliveryConfirmed => "marked delivered",
        ReferralTrigger.DeliveryFailed => "marked as failed",
        ReferralTrigger.Retry => "retried",
        ReferralTrigger.Acknowledge => "acknowledged",
        ReferralTrigger.Accept => "accepted",
        ReferralTrigger.Decline => "declined",
        ReferralTrigger.DeadlinePassed => "expired",
        ReferralTrigger.Close => "closed",
        ReferralTrigger.HandOverByPhone => "handed over by phone",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown referral trigger"),
    };
}
