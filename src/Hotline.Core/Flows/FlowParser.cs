using System.Globalization;
using System.Text.RegularExpressions;
using Hotline.Core.Hours;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Flows;

/// <summary>
/// Reads a flow file through the shared <see cref="YamlFileReader"/>: settings, texts and nodes, each value checked
/// for its kind. What concerns the flow as a whole (targets, reachability, translations) is left to
/// <see cref="FlowValidator"/>, which works on the <see cref="FlowOutline"/> this parser records.
/// </summary>
internal sealed partial class FlowParser(string file)
{
    private static readonly string[] TopLevelKeys =
    [
        "id", "name", "languages", "emergency_number", "backup_line", "time_zone", "hours", "holidays", "queue",
        "max_invalid_attempts", "sms", "callback_windows", "start", "fallback", "messages", "nodes",
        "quick_replies", "texts_may_name_hotline", "hotline_names",
    ];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly YamlFileReader reader = new(file);
    private readonly List<string> languages = [];
    private readonly Dictionary<string, WeeklyHours> callbackWindows = new(StringComparer.Ordinal);
    private FlowOutline outline = null!;
    private FlowTexts texts = null!;

    public IReadOnlyList<YamlFileError> Errors => reader.Errors;

    /// <summary>
    /// Parses the file; the flow is null when this parse found errors. Malformed YAML throws at once: nothing
    /// else can be read from it.
    /// </summary>
    public (Flow? Flow, FlowOutline Outline) Parse(string yaml)
    {
        var root = reader.ParseRoot(yaml, "settings (id:, name:, languages:, ..., nodes:)");
        reader.ThrowIfErrors(errors => new FlowValidationException(errors));

        reader.RejectUnknownKeys(root!, "the flow", TopLevelKeys);
        var id = reader.Setting(root!, "id");
        var name = reader.Setting(root!, "name");
        ParseLanguages(root!);
        var emergency = reader.Setting(root!, "emergency_number");
        var backup = reader.Setting(root!, "backup_line");
        var timeZone = reader.TimeZone(reader.Required(root!, "time_zone"), "'time_zone'");
        var hours = ParseHours(root!, timeZone ?? TimeZoneInfo.Utc);
        var holidays = ParseHolidays(root!);
        var queue = ParseQueue(root!);
        var maxInvalid = reader.Int(reader.Required(root!, "max_invalid_attempts"), "'max_invalid_attempts'", min: 1);
        var (smsMinutes, tellOnExpiry) = ParseSms(root!);
        ParseCallbackWindows(root!, timeZone ?? TimeZoneInfo.Utc);
        var startNode = reader.Required(root!, "start");
        var fallbackNode = reader.Required(root!, "fallback");
        outline = new FlowOutline
        {
            Languages = languages,
            Start = reader.Text(startNode, "'start'"),
            StartLine = startNode is null ? 1 : YamlFileReader.LineOf(startNode),
            Fallback = reader.Text(fallbackNode, "'fallback'"),
            FallbackLine = fallbackNode is null ? 1 : YamlFileReader.LineOf(fallbackNode),
        };
        texts = new FlowTexts(reader, outline);
        var messages = ParseMessages(root!, tellOnExpiry);
        var nodes = new FlowNodeParser(reader, outline, texts, callbackWindows.Keys.ToArray()).ParseNodes(root!);
        var conversation = new ConversationSettingsParser(reader, texts);
        var quickReplies = conversation.QuickReplies(root!);
        var mayNameHotline = conversation.TextsMayNameHotline(root!);
        var hotlineNames = conversation.HotlineNames(root!);

        if (reader.Errors.Count > 0)
            return (null, outline);
        return (new Flow
        {
            Id = id!,
            Name = name!,
            SourceFile = file,
            Languages = languages.ToArray(),
            EmergencyNumber = emergency!,
            BackupLine = backup!,
            TimeZone = timeZone!,
            MaxInvalidAttempts = maxInvalid!.Value,
            StartNode = outline.Start!,
            FallbackNode = outline.Fallback!,
            Queue = queue!,
            SmsInactivityMinutes = smsMinutes!.Value,
            Nodes = nodes,
            OpenHours = hours,
            Holidays = holidays,
            CallbackWindows = callbackWindows,
            Messages = messages,
            TellOnExpiry = tellOnExpiry.Value is true,
            QuickReplyTexts = quickReplies,
            TextsMayNameHotline = mayNameHotline,
            HotlineNames = hotlineNames,
        }, outline);
    }

    // ---------- settings ----------

    private YamlMappingNode? Settings(YamlMappingNode map, string key) =>
        reader.Mapping(reader.Required(map, key), $"'{key}'");

    private void ParseLanguages(YamlMappingNode root)
    {
        var node = reader.Optional(root, "languages");
        if (node is null)
        {
            reader.Error(root, "missing 'languages' (a list such as [en, es]; the first is the default)");
            return;
        }
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            reader.Error(node, "'languages' must be a non-empty list such as [en, es]");
            return;
        }
        foreach (var item in list.Children)
        {
            var code = YamlFileReader.Scalar(item);
            if (!LanguageCode().IsMatch(code))
                reader.Error(item, $"'{code}' is not a language code (such as en, es, pl, pt-BR)");
            else if (TextChannels.Keys.Contains(code))
                reader.Error(item, $"'{code}' names a channel (texts use it for channel versions), not a language");
            else if (languages.Contains(code))
                reader.Error(item, $"language '{code}' is listed twice");
            else
                languages.Add(code);
        }
    }

    private WeeklyHours ParseHours(YamlMappingNode root, TimeZoneInfo timeZone)
    {
        var windows = new List<OpeningWindow>();
        var map = Settings(root, "hours");
        foreach (var (key, value) in map?.Children.AsEnumerable() ?? [])
        {
            var day = Array.IndexOf(Weekdays, YamlFileReader.Scalar(key).ToLowerInvariant());
            if (day < 0)
            {
                reader.Error(key, $"'{YamlFileReader.Scalar(key)}' is not a weekday (monday ... sunday)");
                continue;
            }
            var weekday = (DayOfWeek)((day + 1) % 7);
            var times = Times(value, $"hours of {Weekdays[day]}", allowClosed: true);
            windows.AddRange(times.Select(t => new OpeningWindow(weekday, t.Opens, t.Closes)));
        }
        return new WeeklyHours(windows, timeZone);
    }

    private HashSet<DateOnly> ParseHolidays(YamlMappingNode root)
    {
        var result = new HashSet<DateOnly>();
        var node = reader.Optional(root, "holidays");
        if (node is null)
            return result;
        if (node is not YamlSequenceNode list)
        {
            reader.Error(node, "'holidays' must be a list of dates such as [2026-12-25]");
            return result;
        }
        foreach (var item in list.Children)
        {
            var text = YamlFileReader.Scalar(item);
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                result.Add(d);
            else
                reader.Error(item, $"holiday '{text}' is not a date in the form YYYY-MM-DD");
        }
        return result;
    }

    private QueueSettings? ParseQueue(YamlMappingNode root)
    {
        var map = Settings(root, "queue");
        if (map is null)
            return null;
        reader.RejectUnknownKeys(map, "queue", "name", "offer_callback_after_seconds", "max_queue_size", "timeout_minutes");
        var name = reader.Setting(map, "name");
        var offer = reader.Int(reader.Required(map, "offer_callback_after_seconds"), "'offer_callback_after_seconds'", min: 0);
        var max = reader.Int(reader.Required(map, "max_queue_size"), "'max_queue_size'", min: 1);
        var timeout = reader.Int(reader.Optional(map, "timeout_minutes"), "'timeout_minutes'", min: 1)
            ?? QueueSettings.DefaultTimeoutMinutes;
        return name is null || offer is null || max is null ? null : new QueueSettings(name, offer.Value, max.Value, timeout);
    }

    /// <summary>The SMS settings; 'tell_on_expiry' is null when written wrong, with its node for errors about it.</summary>
    private (int? Minutes, (bool? Value, YamlNode? Node) TellOnExpiry) ParseSms(YamlMappingNode root)
    {
        var map = Settings(root, "sms");
        if (map is null)
            return (null, (false, null));
        reader.RejectUnknownKeys(map, "sms", "inactivity_minutes", "tell_on_expiry");
        var minutes = reader.Int(reader.Required(map, "inactivity_minutes"), "'inactivity_minutes'", min: 1);
        var tellNode = reader.Optional(map, "tell_on_expiry");
        return (minutes, (tellNode is null ? false : reader.Bool(tellNode, "'tell_on_expiry'"), tellNode));
    }

    private void ParseCallbackWindows(YamlMappingNode root, TimeZoneInfo timeZone)
    {
        var map = reader.Mapping(reader.Optional(root, "callback_windows"), "'callback_windows'");
        foreach (var (key, value) in map?.Children.AsEnumerable() ?? [])
        {
            var name = YamlFileReader.Scalar(key);
            if (!FlowNodeParser.IsName(name))
                reader.Error(key, $"callback window name '{name}' must be letters, digits and _");
            else
                callbackWindows[name] = WeeklyHours.Daily(Times(value, $"callback window '{name}'", allowClosed: false), timeZone);
        }
    }

    private Dictionary<string, FlowText> ParseMessages(YamlMappingNode root, (bool? Value, YamlNode? Node) tellOnExpiry)
    {
        var result = new Dictionary<string, FlowText>(StringComparer.Ordinal);
        var map = Settings(root, "messages");
        if (map is null)
            return result;
        foreach (var (key, value) in map.Children)
        {
            if (texts.Read(value, $"message '{YamlFileReader.Scalar(key)}'") is { } text)
                result[YamlFileReader.Scalar(key)] = text;
        }
        foreach (var required in MessageKeys.Required.Where(k => reader.Optional(map, k) is null))
            reader.Error(map, $"missing message '{required}' (needed by the web layer)");
        if (tellOnExpiry.Value is true && reader.Optional(map, MessageKeys.SmsExpired) is null)
        {
            reader.Error(tellOnExpiry.Node, $"'tell_on_expiry: true' needs the message '{MessageKeys.SmsExpired}' "
                + "(what an expired SMS conversation is told) in every language");
        }
        return result;
    }

    /// <summary>The time ranges of a day or a callback window: "09:00-17:00", several separated by commas, or a list.</summary>
    private List<(TimeOnly Opens, TimeOnly Closes)> Times(YamlNode value, string what, bool allowClosed)
    {
        var parts = value switch
        {
            YamlScalarNode s => (s.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => (Text: p, Node: (YamlNode)s)).ToList(),
            YamlSequenceNode seq => seq.Children.Select(c => (Text: YamlFileReader.Scalar(c).Trim(), Node: c)).ToList(),
            _ => [],
        };
        if (value is YamlMappingNode)
        {
            reader.Error(value, $"{what} must be a time range such as 09:00-17:00");
            return [];
        }
        if (allowClosed && parts.Count == 1 && parts[0].Text.Equals("closed", StringComparison.OrdinalIgnoreCase))
            return [];
        if (parts.Count == 0)
        {
            reader.Error(value, $"{what} is empty (use a time range such as 09:00-17:00{(allowClosed ? " or 'closed'" : "")})");
            return [];
        }
        var times = new List<(TimeOnly, TimeOnly)>();
        foreach (var (text, node) in parts)
        {
            if (HoursText.TryParseTimes(text, out var opens, out var closes))
            {
                times.Add((opens, closes));
            }
            else
            {
                reader.Error(node, $"bad time range '{text}' for {what}: use HH:MM-HH:MM such as 09:00-17:00, "
                    + "or 22:00-06:00 to run past midnight (24:00 ends a day)");
            }
        }
        return times;
    }

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();
}
