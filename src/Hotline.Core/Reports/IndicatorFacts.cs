using Hotline.Core.Cases;
using Hotline.Core.Referrals;

namespace Hotline.Core.Reports;

/// <summary>A call that reached the operator queue in the period.</summary>
public sealed record QueuedCallFact(DateTimeOffset EnqueuedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, bool Abandoned);

/// <summary>A contact (call, text conversation, chat, tip) that started in the period, with its case's contact type.</summary>
public sealed record ContactFact(Channel Channel, ContactType? ContactType);

/// <summary>A case opened in the period: what the indicators need of it, and nothing personal.</summary>
public sealed record CaseFact(
    DateTimeOffset CreatedAt,
    TraffickingType? TraffickingType,
    string? Venue,
    bool ChildInvolved,
    int MandatoryRequired,
    int MandatoryMade,
    DateTimeOffset FirstContactAt,
    DateTimeOffset? FirstReferralAt,
    DateTimeOffset? CallbackDueAt,
    IReadOnlyList<DateTimeOffset> OperatorContactStarts);

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
