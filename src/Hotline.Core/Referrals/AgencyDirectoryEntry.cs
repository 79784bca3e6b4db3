namespace Hotline.Core.Referrals;

/// <summary>A directory entry: the listing used for matching plus how to reach the agency, in order of preference.</summary>
public sealed record AgencyDirectoryEntry(
    AgencyListing Listing,
    IReadOnlyList<AgencyChannelSpec> Channels,
    AgencyOnCallContact? OnCall);
