using Hotline.Core.Callbacks;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;

namespace Hotline.Core.Reports;

/// <summary>
/// A call that reached the operator queue in the period. <see cref="PlacedByHotline"/>: the call is a callback's own call
/// (the service dialled the caller, a row of callback_attempts names it), which may be put in the queue when its advocate
/// could not be joined; it was never offered to the line, so the contact-centre figures leave it out.
/// </summary>
public sealed record QueuedCallFact(
    DateTimeOffset EnqueuedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, bool Abandoned, bool PlacedByHotline = false);

/// <summary>
/// A contact (call, text conversation, chat, tip) that started in the period, with its case's contact type.
/// <see cref="PlacedByHotline"/>: a callback's own call, which did not come in on any channel.
/// </summary>
public sealed record ContactFact(Channel Channel, ContactType? ContactType, bool PlacedByHotline = false);

/// <summary>One attempt to call a caller back: when the service placed it, and how it ended (null: not known yet).</summary>
public sealed record CallbackAttemptFact(DateTimeOffset PlacedAt, CallbackOutcome? Outcome);

/// <summary>
/// A case opened in the period: what the indicators need of it, and nothing personal. <see cref="SafeWindow"/> is the
/// caller's safe window as the line's hours model reads it (null: the case names a window that is not one of the line's).
/// </summary>
public sealed record CaseFact(
    DateTimeOffset CreatedAt,
    TraffickingType? TraffickingType,
    string? Venue,
    bool ChildInvolved,
    int MandatoryRequired,
    int MandatoryMade,
    DateTimeOffset FirstContactAt,
    DateTimeOffset? FirstReferralAt,
    bool CallbackPromised,
    CallbackWindow? SafeWindow,
    IReadOnlyList<CallbackAttemptFact> CallbackAttempts);

/// <summary>A case closed in the period, by the outcome recorded at closure (null or unknown: not recorded).</summary>
public sealed record ClosedCaseFact(CaseOutcome? Outcome);

/// <summary>A referral created in the period.</summary>
public sealed record ReferralFact(
    AgencyType AgencyType,
    DateTimeOffset? SentAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DeclinedAt,
    DateTimeOffset? ExpiredAt);

/// <summary>Everything the indicators are computed from, already cut to one period and one jurisdiction.</summary>
public sealed record IndicatorFacts(
    DateOnly From,
    DateOnly To,
    string? Jurisdiction,
    DateTimeOffset Now,
    IReadOnlyList<QueuedCallFact> Calls,
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<CaseFact> Cases,
    IReadOnlyList<ClosedCaseFact> ClosedCases,
    IReadOnlyList<ReferralFact> Referrals);
