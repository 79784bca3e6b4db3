using Hotline.Core.Hours;

namespace Hotline.Core.Referrals;

/// <summary>
/// An agency as the matcher sees it. <paramref name="Jurisdictions"/> containing "*" means national;
/// <paramref name="Hours"/> null means 24/7; they are in <paramref name="TimeZone"/>. <paramref name="PathwayOrder"/> is the order agencies
/// of one type are tried in (lower first), as agreed with the agencies.
/// </summary>
public sealed record AgencyListing(
    Guid Id,
    string Name,
    AgencyType Type,
    IReadOnlySet<string> Services,
    IReadOnlySet<string> Jurisdictions,
    IReadOnlySet<string> Languages,
    WeeklyHours? Hours,
    TimeZoneInfo TimeZone,
    bool Active,
    int PathwayOrder)
{
    public const string National = "*";

    public bool IsNational => Jurisdictions.Contains(National);

    public bool IsOpen(DateTimeOffset now) => Hours is null || Hours.IsOpen(now);
}
