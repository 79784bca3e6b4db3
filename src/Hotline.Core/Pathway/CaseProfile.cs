using Hotline.Core.Cases;

namespace Hotline.Core.Pathway;

/// <summary>
/// What screening found out, reduced to what the pathway decides on.
/// <paramref name="ConsentToShare"/> is null until the caller has been asked; null shares nothing.
/// </summary>
public sealed record CaseProfile(
    bool ChildInvolved,
    bool ImminentDanger,
    ContactType? ContactType,
    TraffickingType TraffickingType,
    bool? ConsentToShare,
    IReadOnlySet<string> Needs,
    string? Jurisdiction,
    string? Language);
