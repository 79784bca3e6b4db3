namespace Hotline.Core.Referrals;

/// <summary>
/// The result of applying one trigger. A refused change carries <see cref="Error"/> (fit to show a user)
/// and leaves <see cref="To"/> equal to <see cref="From"/>. A repeat that changes nothing succeeds with
/// <see cref="Changed"/> false, so retried webhooks and jobs stay harmless.
/// </summary>
public sealed record ReferralTransition(ReferralStatus From, ReferralTrigger Trigger, ReferralStatus To, string? Error)
{
    public bool Succeeded => Error is null;

    public bool Changed => Succeeded && From != To;
}
