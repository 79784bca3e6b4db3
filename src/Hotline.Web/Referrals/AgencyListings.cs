using Hotline.Core.Hours;
using Hotline.Core.Referrals;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

/// <summary>Maps stored agencies to the matcher's listings and directory-file entries to stored agencies.</summary>
public static class AgencyListings
{
    public static AgencyListing ToListing(this Agency agency) => new(
        agency.Id,
        agency.Name,
        agency.Type,
        new HashSet<string>(agency.Services, StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(agency.Jurisdictions, StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(agency.Languages, StringComparer.OrdinalIgnoreCase),
        HoursText.TryParse(agency.Hours, ZoneOrUtc(agency.TimeZone), out var hours, out _) ? hours : null,
        ZoneOrUtc(agency.TimeZone),
        agency.Active,
        agency.PathwayOrder);

    public static Agency ToAgency(this AgencyDirectoryEntry entry)
    {
        var listing = entry.Listing;
        return new Agency
        {
            Id = listing.Id,
            Name = listing.Name,
            Type = listing.Type,
            Services = [.. listing.Services],
            Jurisdictions = [.. listing.Jurisdictions],
            Languages = [.. listing.Languages],
            Hours = HoursText.Format(listing.Hours),
            TimeZone = listing.TimeZone.Id,
            Active = listing.Active,
            PathwayOrder = listing.PathwayOrder,
            OnCallName = entry.OnCall?.Name,
            OnCallPhone = entry.OnCall?.Phone,
            Channels = [
                .. entry.Channels.Select((c, i) => new AgencyChannel
                    { Id = Guid.NewGuid(), AgencyId = listing.Id, Channel = c.Channel, Address = c.Address, Position = i })],
        };
    }

    public static TimeZoneInfo ZoneOrUtc(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
