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
    /// <summary>The directory's jurisdictions: the classification form picks from these.</summary>
    public IReadOnlyList<string> KnownJurisdictions { get; init; } = [];
    /// <summary>Said on the page when the case's jurisdiction hides local agencies (none recorded, or none serves it).</summary>
    public string? JurisdictionWarning { get; init; }
    /// <summary>All earlier cases of this caller; <see cref="EarlierCases"/> holds the newest of them.</summary>
    public int EarlierCasesTotal { get; init; }
    /// <summary>Who recorded the consent, by display name when they are staff (the case keeps their sign-in name).</summary>
    public string? ConsentRecordedByName { get; init; }
    /// <summary>All timeline entries; <see cref="Timeline"/> holds the newest of them.</summary>
    public int TimelineTotal { get; init; }
    /// <summary>Fields of a refused save: what they were, what someone else made them, what this operator typed.</summary>
    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];
}

/// <summary>One line of the case's history; Kind drives the icon and colour.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail);

public sealed record EarlierCase(Guid Id, string Reference, CaseStatus Status, ContactType? ContactType, DateTimeOffset CreatedAt);
