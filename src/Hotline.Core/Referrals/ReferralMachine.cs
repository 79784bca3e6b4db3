using Stateless;
using Stateless.Graph;

namespace Hotline.Core.Referrals;

/// <summary>
/// The lifecycle of one referral. Built per use around state stored elsewhere (the database row),
/// because a machine instance is neither shared between requests nor thread-safe.
/// </summary>
public static class ReferralMachine
{
    public static StateMachine<ReferralStatus, ReferralTrigger> Create(Func<ReferralStatus> read, Action<ReferralStatus> write)
    {
        var machine = new StateMachine<ReferralStatus, ReferralTrigger>(read, write);

        machine.Configure(ReferralStatus.Pending)
            .Permit(ReferralTrigger.Dispatch, ReferralStatus.Sent)
            .Permit(ReferralTrigger.DeliveryFailed, ReferralStatus.Failed);

        machine.Configure(ReferralStatus.Sent)
            .Permit(ReferralTrigger.DeliveryConfirmed, ReferralStatus.Delivered)
            .Permit(ReferralTrigger.DeliveryFailed, ReferralStatus.Failed)
            // SMS carriers do not always return a delivery receipt; an answer proves delivery.
            .Permit(ReferralTrigger.Acknowledge, ReferralStatus.Acknowledged)
            .Permit(ReferralTrigger.DeadlinePassed, ReferralStatus.Expired);

        machine.Configure(ReferralStatus.Delivered)
            .Permit(ReferralTrigger.Acknowledge, ReferralStatus.Acknowledged)
            .Permit(ReferralTrigger.DeadlinePassed, ReferralStatus.Expired)
            .Ignore(ReferralTrigger.DeliveryConfirmed); // duplicate status callback

        machine.Configure(ReferralStatus.Failed)
            .Permit(ReferralTrigger.Retry, ReferralStatus.Sent)
            // A delivery that keeps failing must still escalate when the deadline passes.
            .Permit(ReferralTrigger.DeadlinePassed, ReferralStatus.Expired)
            .Ignore(ReferralTrigger.DeliveryFailed);

        // Once the agency has answered, late receipts, repeated acknowledgements and the old deadline
        // change nothing: the deadline job re-reads the referral and sees Changed == false.
        machine.Configure(ReferralStatus.Acknowledged)
            .Permit(ReferralTrigger.Accept, ReferralStatus.Accepted)
            .Permit(ReferralTrigger.Decline, ReferralStatus.Declined)
            .Ignore(ReferralTrigger.Acknowledge)
            .Ignore(ReferralTrigger.DeliveryConfirmed)
            .Ignore(ReferralTrigger.DeadlinePassed);

        machine.Configure(ReferralStatus.Accepted)
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed)
            .Ignore(ReferralTrigger.Accept)
            .Ignore(ReferralTrigger.Acknowledge)
            .Ignore(ReferralTrigger.DeliveryConfirmed)
            .Ignore(ReferralTrigger.DeadlinePassed);

        machine.Configure(ReferralStatus.Declined)
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed)
            .Ignore(ReferralTrigger.Decline)
            .Ignore(ReferralTrigger.Acknowledge)
            .Ignore(ReferralTrigger.DeliveryConfirmed)
            .Ignore(ReferralTrigger.DeadlinePassed);

        machine.Configure(ReferralStatus.Expired)
            // The case moved on to the next rung; this referral only waits to be closed.
            .Permit(ReferralTrigger.Close, ReferralStatus.Closed)
            .Ignore(ReferralTrigger.DeadlinePassed)
            .Ignore(ReferralTrigger.DeliveryConfirmed);

        machine.Configure(ReferralStatus.Closed)
            .Ignore(ReferralTrigger.Close);

        return machine;
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
        Create(() => status, _ => { }).GetInfo().States
            .Single(s => (ReferralStatus)s.UnderlyingState == status)
            .FixedTransitions
            .Select(t => (ReferralTrigger)t.Trigger.UnderlyingTrigger)
            .Distinct()
            .ToList();

    public static string ToMermaid() =>
        MermaidGraph.Format(Create(() => ReferralStatus.Pending, _ => { }).GetInfo());

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
        (_, ReferralTrigger.Close) => $"Only an accepted, declined or expired referral can be closed; this one is {Adjective(current)}",
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
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "unknown referral trigger"),
    };
}
