using Hotline.Core.Hours;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// The directory as HSDS 3.0 (mapping in docs/hsds.md): each agency is an organization with one service and one virtual
/// location. Opening hours go through the one hours model (<see cref="HoursText"/>, <see cref="WeeklyHours"/>), one
/// weekly schedule per set of days sharing the same times.
/// </summary>
public static class HsdsExport
{
    internal static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static HsdsDocument From(IEnumerable<Agency> agencies) =>
        new(HotlineTaxonomy.All, [.. agencies.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id).Select(Organization)]);

    private static HsdsOrganization Organization(Agency a)
    {
        var serviceId = HsdsIds.For(a.Id, "service");
        var locationId = HsdsIds.For(a.Id, "location");
        var location = new HsdsLocation(
            locationId, a.Id, "virtual", a.Name, "Reached through the notification channels; no public address is listed.");
        return new HsdsOrganization(a.Id, a.Name, $"{HotlineTaxonomy.TypeTerm(a.Type).Name} agency in the hotline's referral directory.",
            [Service(a, serviceId, locationId)], [location]);
    }

    private static HsdsService Service(Agency a, Guid id, Guid locationId)
    {
        var channels = a.Channels.OrderBy(c => c.Position).ToList();
        var phones = channels.Where(c => c.Channel == Core.Referrals.NotificationChannel.Sms)
            .Select((c, i) => new HsdsPhone(HsdsIds.For(id, $"phone:{i}"), id, null, c.Address, "text", "Referral notifications by SMS"))
            .ToList();
        List<HsdsContact>? contacts = a.OnCallPhone is null ? null :
        [
            new HsdsContact(HsdsIds.For(id, "on-call"), id, a.OnCallName, "On call",
                [new HsdsPhone(HsdsIds.For(id, "on-call:phone"), null, HsdsIds.For(id, "on-call"), a.OnCallPhone, "voice", null)]),
        ];
        List<HsdsAttributeEntry> attributes =
        [
            Attribute(id, "type", HotlineTaxonomy.TypeTerm(a.Type), null),
            Field(id, HotlineTaxonomy.TimeZone, 0, a.TimeZone),
            Field(id, HotlineTaxonomy.PathwayOrder, 0, a.PathwayOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. channels.Select((c, i) =>
                Field(id, HotlineTaxonomy.NotificationChannel, i, $"{c.Channel.ToString().ToLowerInvariant()} {c.Address}")),
            .. a.Services.Select((s, i) => Field(id, HotlineTaxonomy.ServiceTag, i, s)),
        ];
        return new HsdsService(
            id, a.Id, a.Name, a.Services.Count == 0 ? null : string.Join(", ", a.Services), a.Active ? "active" : "inactive",
            phones.Count == 0 ? null : phones, contacts, Schedules(a, id),
            [.. a.Jurisdictions.Select(j => new HsdsServiceArea(HsdsIds.For(id, "area:" + j), id, j, j == "*" ? "National" : null))],
            [.. a.Languages.Select(l => new HsdsLanguage(HsdsIds.For(id, "language:" + l), id, null, l))],
            [new HsdsServiceAtLocation(HsdsIds.For(id, "at-location"), id, locationId, null)],
            attributes);
    }

    private static List<HsdsSchedule> Schedules(Agency a, Guid serviceId)
    {
        var zone = AgencyListings.ZoneOrUtc(a.TimeZone);
        var hours = HoursText.TryParse(a.Hours, zone, out var parsed, out _) ? parsed : null;
        // Always open is written out as every day, all day: HSDS reads a service without a schedule as "hours unknown".
        var windows = hours?.Windows
            ?? [.. Enum.GetValues<DayOfWeek>().Select(d => new OpeningWindow(d, TimeOnly.MinValue, TimeOnly.MinValue))];
        return
        [
            .. windows.GroupBy(w => (w.Opens, w.Closes)).Select((g, i) =>
            {
                var times = HoursText.Times(g.Key.Opens, g.Key.Closes);
                var days = g.Select(w => w.Day).Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
                return new HsdsSchedule(HsdsIds.For(serviceId, $"schedule:{i}"), serviceId, "WEEKLY", "MO",
                    string.Join(",", days.Select(d => DayCodes[(int)d])), times[..5], times[6..],
                    $"{times} local time ({a.TimeZone})");
            }),
        ];
    }

    private static HsdsAttributeEntry Field(Guid serviceId, string code, int index, string value) =>
        Attribute(serviceId, $"{code}:{index}", HotlineTaxonomy.FieldTerm(code), value);

    private static HsdsAttributeEntry Attribute(Guid serviceId, string name, HsdsTaxonomyTerm term, string? value) =>
        new(HsdsIds.For(serviceId, "attribute:" + name), serviceId, term.Id, term.Code, "service", value, term);
}
