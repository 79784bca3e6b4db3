using System.Text.RegularExpressions;
using Hotline.Core.Hours;
using Hotline.Core.Pathway;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Referrals;

/// <summary>
/// Loads an agency directory file (format in the header of flows/agencies.sample.yaml). Errors are
/// reported like pathway errors, as <see cref="PathwayValidationException"/> with file:line: what,
/// because the directory is the other half of the pathway and is fixed by the same people.
/// </summary>
public static partial class AgencyDirectoryFile
{
    private static readonly string[] AgencyKeys =
        [
            "id", "name", "type", "services", "jurisdictions", "languages", "hours", "time_zone", "active", "pathway_order", "channels",
            "on_call"];

    private const string AlwaysOpen = "24/7";

    public static IReadOnlyList<AgencyDirectoryEntry> Load(string path) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static IReadOnlyList<AgencyDirectoryEntry> Parse(string yaml, string fileName)
    {
        var reader = new YamlFileReader(fileName);
        var root = reader.ParseRoot(yaml, "'agencies:' and a list of agencies");
        reader.ThrowIfErrors(errors => new PathwayValidationException(errors));
        reader.RejectUnknownKeys(root!, null, "agencies");

        var entries = new List<AgencyDirectoryEntry>();
        var list = reader.Sequence(reader.Required(root!, "agencies"), "agencies");
        if (list is { Children.Count: 0 })
        {
            reader.Error(list, "the directory lists no agencies");
        }

        var ids = new HashSet<Guid>();
        foreach (var item in list?.Children ?? [])
        {
            if (reader.Mapping(item, "agency") is { } map && ReadAgency(reader, map) is { } entry)
            {
                if (!ids.Add(entry.Listing.Id))
                {
                    reader.Error(map, $"duplicate agency id {entry.Listing.Id}");
                }

                entries.Add(entry);
            }
        }

        reader.ThrowIfErrors(errors => new PathwayValidationException(errors));
        return entries;
    }

    private static AgencyDirectoryEntry? ReadAgency(YamlFileReader reader, YamlMappingNode map)
    {
        var errorsBefore = reader.Errors.Count;
        reader.RejectUnknownKeys(map, "an agency", AgencyKeys);

        var idNode = reader.Required(map, "id");
        var idText = reader.Text(idNode, "id");
        Guid id = default;
        if (idText is not null && !Guid.TryParse(idText, out id))
        {
            reader.Error(idNode, $"id must be a GUID, got '{idText}'");
        }

        var name = reader.Text(reader.Required(map, "name"), "name");
        var type = reader.Enum<AgencyType>(reader.Required(map, "type"), "agency type");
        var services = TextSet(reader, reader.Optional(map, "services"), "services", required: false);
        var jurisdictions = TextSet(reader, reader.Required(map, "jurisdictions"), "jurisdictions", required: true);
        var languages = TextSet(reader, reader.Required(map, "languages"), "languages", required: true);
        var zone = reader.TimeZone(reader.Required(map, "time_zone"), "time_zone");
        var hours = ReadHours(reader, reader.Required(map, "hours"), zone ?? TimeZoneInfo.Utc);
        var active = reader.Bool(reader.Required(map, "active"), "active");
        var order = reader.Int(reader.Required(map, "pathway_order"), "pathway_order");
        var channels = ReadChannels(reader, reader.Required(map, "channels"));
        var onCall = ReadOnCall(reader, reader.Optional(map, "on_call"));

        if (reader.Errors.Count > errorsBefore)
        {
            return null;
        }

        var listing = new AgencyListing(
            id, name!, type!.Value, services, jurisdictions, languages, hours, zone!, active!.Value, order!.Value);
        return new AgencyDirectoryEntry(listing, channels, onCall);
    }

    private static HashSet<string> TextSet(YamlFileReader reader, YamlNode? node, string what, bool required)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = reader.Sequence(node, what);
        if (required && list is { Children.Count: 0 })
        {
            reader.Error(list, $"{what} must name at least one entry");
        }

        foreach (var item in list?.Children ?? [])
        {
            if (reader.Text(item, what) is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    private static WeeklyHours? ReadHours(YamlFileReader reader, YamlNode? node, TimeZoneInfo zone)
    {
        if (node is YamlScalarNode { Value: AlwaysOpen } or null)
        {
            return null;
        }

        var windows = new List<OpeningWindow>();
        var list = reader.Sequence(node, $"hours ('{AlwaysOpen}' or a list of windows)");
        if (list is { Children.Count: 0 })
        {
            reader.Error(list, $"hours must list at least one window, or be '{AlwaysOpen}'");
        }

        foreach (var item in list?.Children ?? [])
        {
            if (reader.Mapping(item, "opening window") is not { } window)
            {
                continue;
            }

            reader.RejectUnknownKeys(window, "an opening window", "days", "open", "close");
            var open = ReadTime(reader, reader.Required(window, "open"), "open");
            var close = ReadTime(reader, reader.Required(window, "close"), "close");
            var days = reader.Sequence(reader.Required(window, "days"), "days");
            foreach (var dayNode in days?.Children ?? [])
            {
                if (reader.Enum<DayOfWeek>(dayNode, "day") is { } day && open is not null && close is not null)
                {
                    windows.Add(new OpeningWindow(day, open.Value, close.Value));
                }
            }
        }

        return new WeeklyHours(windows, zone);
    }

    private static TimeOnly? ReadTime(YamlFileReader reader, YamlNode? node, string what)
    {
        var text = reader.Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", out var time))
        {
            return time;
        }

        reader.Error(node, $"{what} must be a time like 09:00, got '{text}'");
        return null;
    }

    private static List<AgencyChannelSpec> ReadChannels(YamlFileReader reader, YamlNode? node)
    {
        var result = new List<AgencyChannelSpec>();
        var list = reader.Sequence(node, "channels");
        if (list is { Children.Count: 0 })
        {
            // An agency nobody can notify would only ever time out.
            reader.Error(list, "an agency needs at least one channel");
        }

        foreach (var item in list?.Children ?? [])
        {
            if (reader.Mapping(item, "channel") is not { } map)
            {
                continue;
            }

            reader.RejectUnknownKeys(map, "a channel", "channel", "address");
            var channel = reader.Enum<NotificationChannel>(reader.Required(map, "channel"), "notification channel");
            var addressNode = reader.Required(map, "address");
            var address = reader.Text(addressNode, "address");
            if (channel is null || address is null)
            {
                continue;
            }

            if (AgencyChannelSpec.AddressProblem(channel.Value, address) is { } problem)
            {
                reader.Error(addressNode, problem);
                continue;
            }

            result.Add(new AgencyChannelSpec(channel.Value, address));
        }

        return result;
    }

    private static AgencyOnCallContact? ReadOnCall(YamlFileReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "on_call") is not { } map)
        {
            return null;
        }

        reader.RejectUnknownKeys(map, "on_call", "name", "phone");
        var name = reader.Text(reader.Required(map, "name"), "on_call name");
        var phoneNode = reader.Required(map, "phone");
        var phone = reader.Text(phoneNode, "on_call phone");
        if (phone is not null && !E164().IsMatch(phone))
        {
            reader.Error(phoneNode, $"on_call phone must be an E.164 number, got '{phone}'");
            return null;
        }

        return name is null || phone is null ? null : new AgencyOnCallContact(name, phone);
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
