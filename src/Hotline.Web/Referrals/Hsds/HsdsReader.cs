using System.Globalization;
using System.Text.RegularExpressions;
using Hotline.Core.Hours;
using Hotline.Core.Referrals;
using Hotline.Web.Data;

namespace Hotline.Web.Referrals.Hsds;

/// <summary>
/// Turns a schema-valid HSDS document back into agencies, checking what a schema cannot: phone numbers, taxonomy
/// terms we know, times and days, channel addresses, one service per organization, ids not repeated. Every problem
/// is collected with its JSONPath, so one import reports them all.
/// </summary>
public static partial class HsdsReader
{
    public static (IReadOnlyList<Agency> Agencies, IReadOnlyList<HsdsError> Errors) Read(HsdsDocument document)
    {
        var errors = new List<HsdsError>();
        var agencies = new List<Agency>();
        var ids = new HashSet<Guid>();
        foreach (var (org, i) in (document.Organizations ?? []).Select((o, i) => (o, i)))
        {
            var path = $"$.organizations[{i}]";
            if (!ids.Add(org.Id)) errors.Add(new(path + ".id", $"organization id {org.Id} appears more than once"));
            if (Agency(org, path, errors) is { } agency) agencies.Add(agency);
        }
        return (agencies, errors);
    }

    private static Agency? Agency(HsdsOrganization org, string path, List<HsdsError> errors)
    {
        var before = errors.Count;
        if (org.Name.Trim().Length > 200) errors.Add(new(path + ".name", "a name is at most 200 characters"));
        if (org.Services is not [var service])
        {
            errors.Add(new(path + ".services",
                $"an agency is one organization with exactly one service, found {org.Services?.Count ?? 0}"));
            return null;
        }
        var at = path + ".services[0]";
        if (service.OrganizationId is { } owner && owner != org.Id)
        {
            errors.Add(new(at + ".organization_id", $"the service belongs to organization {owner}, not {org.Id}"));
        }
        var locations = (org.Locations ?? []).Select(l => l.Id).ToHashSet();
        foreach (var (link, k) in (service.ServiceAtLocations ?? []).Select((l, k) => (l, k)))
        {
            if (!locations.Contains(link.LocationId))
            {
                errors.Add(new($"{at}.service_at_locations[{k}].location_id", $"no location {link.LocationId} in this organization"));
            }
        }
        var agency = new Agency
        {
            Id = org.Id, Name = org.Name.Trim(), Active = service.Status == "active", PathwayOrder = 10,
            Jurisdictions = Texts(service.ServiceAreas?.Select(a => a.Name), at + ".service_areas", "name", errors),
            Languages = Texts(service.Languages?.Select(l => l.Code), at + ".languages", "code", errors),
        };
        ReadAttributes(service, at, agency, errors);
        ReadPhones(service, at, errors);
        ReadOnCall(service, at, agency, errors);
        agency.Hours = Hours(service.Schedules, at + ".schedules", agency.TimeZone, errors);
        return errors.Count > before ? null : agency;
    }

    private static List<string> Texts(IEnumerable<string?>? values, string path, string field, List<HsdsError> errors)
    {
        var list = values?.ToList() ?? [];
        if (list.Count == 0) errors.Add(new(path, $"list at least one ({field})"));
        foreach (var (value, k) in list.Select((v, k) => (v, k)).Where(x => string.IsNullOrWhiteSpace(x.v)))
        {
            errors.Add(new($"{path}[{k}].{field}", $"{field} is required"));
        }
        return [.. list.OfType<string>().Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static void ReadAttributes(HsdsService service, string at, Agency agency, List<HsdsError> errors)
    {
        var types = new List<AgencyType>();
        var channels = new List<AgencyChannel>();
        foreach (var (attribute, k) in (service.Attributes ?? []).Select((a, k) => (a, k)))
        {
            var path = $"{at}.attributes[{k}]";
            var term = attribute.TaxonomyTerm;
            var taxonomy = term?.TaxonomyId;
            var code = term?.Code;
            if (taxonomy == HotlineTaxonomy.AgencyTypesId && HotlineTaxonomy.TypeFor(code) is { } type
                && attribute.TaxonomyTermId == HotlineTaxonomy.TypeTerm(type).Id)
            {
                types.Add(type);
                continue;
            }
            if (taxonomy != HotlineTaxonomy.DirectoryFieldsId || !HotlineTaxonomy.FieldCodes.Contains(code)
                || attribute.TaxonomyTermId != HotlineTaxonomy.FieldTerm(code!).Id)
            {
                errors.Add(new(path + ".taxonomy_term", $"unknown taxonomy term '{code}' (id {attribute.TaxonomyTermId}); "
                    + "agency types and directory fields are listed in docs/hsds.md"));
                continue;
            }
            var value = attribute.Value?.Trim() ?? "";
            switch (code)
            {
                case HotlineTaxonomy.TimeZone when TimeZoneInfo.TryFindSystemTimeZoneById(value, out _):
                    agency.TimeZone = value;
                    break;
                case HotlineTaxonomy.TimeZone:
                    errors.Add(new(path + ".value", $"'{value}' is not a time zone (use an IANA id such as America/Chicago)"));
                    break;
                case HotlineTaxonomy.PathwayOrder
                    when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order):
                    agency.PathwayOrder = order;
                    break;
                case HotlineTaxonomy.PathwayOrder:
                    errors.Add(new(path + ".value", $"pathway order must be a whole number, got '{value}'"));
                    break;
                case HotlineTaxonomy.NotificationChannel:
                    if (Channel(value, path + ".value", errors) is { } channel)
                    {
                        channel.Position = channels.Count;
                        channels.Add(channel);
                    }
                    break;
                default:
                    if (value.Length == 0) errors.Add(new(path + ".value", "a service needs a value"));
                    else if (!agency.Services.Contains(value, StringComparer.OrdinalIgnoreCase)) agency.Services.Add(value);
                    break;
            }
        }
        if (types.Count != 1) errors.Add(new(at + ".attributes", $"give exactly one agency type (found {types.Count})"));
        else agency.Type = types[0];
        // An agency nobody can notify would only ever time out.
        if (channels.Count == 0) errors.Add(new(at + ".attributes", "give at least one notification_channel"));
        agency.Channels = channels;
    }

    private static AgencyChannel? Channel(string value, string path, List<HsdsError> errors)
    {
        var parts = value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Enum.TryParse<NotificationChannel>(parts[0], true, out var channel) || !Enum.IsDefined(channel))
        {
            errors.Add(new(path, $"'{value}' is not 'sms +15125550100', 'webhook https://...' or 'email name@example.org'"));
            return null;
        }
        if (AgencyChannelSpec.AddressProblem(channel, parts[1]) is { } problem)
        {
            errors.Add(new(path, problem));
            return null;
        }
        return new AgencyChannel { Channel = channel, Address = parts[1] };
    }

    private static void ReadPhones(HsdsService service, string at, List<HsdsError> errors)
    {
        foreach (var (phone, k) in (service.Phones ?? []).Select((p, k) => (p, k)))
        {
            if (!E164().IsMatch(phone.Number))
            {
                errors.Add(new($"{at}.phones[{k}].number", $"'{phone.Number}' is not an E.164 number such as +15125550100"));
            }
        }
    }

    private static void ReadOnCall(HsdsService service, string at, Agency agency, List<HsdsError> errors)
    {
        var contacts = service.Contacts ?? [];
        if (contacts.Count > 1) errors.Add(new(at + ".contacts", "list at most one contact: the on-call person"));
        if (contacts.Count != 1) return;
        var contact = contacts[0];
        var phones = contact.Phones ?? [];
        if (phones.Count != 1)
        {
            errors.Add(new(at + ".contacts[0].phones", "the on-call contact needs exactly one phone"));
            return;
        }
        if (!E164().IsMatch(phones[0].Number))
        {
            errors.Add(new(at + ".contacts[0].phones[0].number", $"'{phones[0].Number}' is not an E.164 number such as +15125550100"));
            return;
        }
        if (contact.Name is { Length: > 120 }) errors.Add(new(at + ".contacts[0].name", "a name is at most 120 characters"));
        agency.OnCallName = string.IsNullOrWhiteSpace(contact.Name) ? null : contact.Name.Trim();
        agency.OnCallPhone = phones[0].Number;
    }

    /// <summary>The schedules as hours text; every day open all day is 24/7 (null), as the form stores it.</summary>
    private static string? Hours(IReadOnlyList<HsdsSchedule>? schedules, string path, string zoneId, List<HsdsError> errors)
    {
        if (schedules is null or { Count: 0 })
        {
            errors.Add(new(path, "give the opening hours (every day 00:00-24:00 for 24/7): without them the hours are unknown"));
            return null;
        }
        var windows = new List<OpeningWindow>();
        foreach (var (s, k) in schedules.Select((s, k) => (s, k)))
        {
            var at = $"{path}[{k}]";
            if (s.Freq != "WEEKLY") errors.Add(new(at + ".freq", "only WEEKLY schedules can be read into opening hours"));
            if (!HoursText.TryParseTimes($"{s.OpensAt}-{s.ClosesAt}", out var opens, out var closes))
            {
                errors.Add(new(at + ".opens_at", $"'{s.OpensAt}' to '{s.ClosesAt}' is not a time range like 08:00 to 18:00"));
                continue;
            }
            var days = (s.Byday ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (days.Length == 0) errors.Add(new(at + ".byday", "name the days (MO,TU,WE,TH,FR,SA,SU)"));
            foreach (var day in days)
            {
                var index = Array.IndexOf(HsdsExport.DayCodes, day);
                if (index < 0) errors.Add(new(at + ".byday", $"'{day}' is not a day (MO,TU,WE,TH,FR,SA,SU)"));
                else windows.Add(new OpeningWindow((DayOfWeek)index, opens, closes));
            }
        }
        var allDay = Enum.GetValues<DayOfWeek>()
            .All(d => windows.Any(w => w.Day == d && w.Opens == TimeOnly.MinValue && w.Closes == w.Opens));
        var text = HoursText.Format(new WeeklyHours(windows, AgencyListings.ZoneOrUtc(zoneId)));
        if (text is { Length: > 200 }) errors.Add(new(path, "the opening hours are too long to store (200 characters as text)"));
        return allDay ? null : text;
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
