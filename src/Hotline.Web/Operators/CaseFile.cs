using Hotline.Core.Cases;
using Hotline.Web.Data;

namespace Hotline.Web.Operators;

/// <summary>The case page: the case, what the caller said, what happened since, and the caller's earlier cases.</summary>
public sealed record CaseFile(
    Case Case,
    string? AssignedTo,
    IReadOnlyList<IntakeAnswer> Answers,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<EarlierCase> EarlierCases,
    IReadOnlyList<CaseTrigger> AllowedTriggers,
    ClassificationForm Classification,
    SafeContactForm SafeContact)
{
    public Guid Id => Case.Id;

    /// <summary>
    /// The caller gave no usable number (withheld, or a placeholder): intake then stores none, and nobody can
    /// call or text them back. Retention also removes the number, but a redacted case says so itself.
    /// </summary>
    public bool NumberWithheld => Case.CallerNumber is null && Case.RedactedAt is null;
}

/// <summary>One line of the case's history; Kind drives the icon and colour.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail);

public sealed record EarlierCase(Guid Id, string Reference, CaseStatus Status, ContactType? ContactType, DateTimeOffset CreatedAt);
