using System.Globalization;
using System.Text.RegularExpressions;
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
    ];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly YamlFileReader reader = new(file);
    private readonly List<string> languages = [];
    private readonly Dictionary<string, IReadOnlyList<TimeRange>> callbackWindows = new(StringComparer.Ordinal);
    private FlowOutline outline = null!;

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
        var id = Setting(root!, "id");
        var name = Setting(root!, "name");
        ParseLanguages(root!);
        var emergency = Setting(root!, "emergency_number");
        var backup = Setting(root!, "backup_line");
        var timeZone = reader.TimeZone(reader.Required(root!, "time_zone"), "'time_zone'");
        var hours = ParseHours(root!);
        var holidays = ParseHolidays(root!);
        var queue = ParseQueue(root!);
        var maxInvalid = reader.Int(reader.Required(root!, "max_invalid_attempts"), "'max_invalid_attempts'", min: 1);
        var smsMinutes = ParseSms(root!);
        ParseCallbackWindows(root!);
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
        var messages = ParseMessages(root!);
        var nodes = ParseNodes(root!);

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
        }, outline);
    }

    // ---------- settings ----------

    private string? Setting(YamlMappingNode map, string key, YamlNode? anchor = null) =>
        reader.Text(reader.Required(map, key, anchor), $"'{key}'");

    private string? OptionalSetting(YamlMappingNode map, string key) => reader.Text(reader.Optional(map, key), $"'{key}'");

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
            else if (languages.Contains(code))
                reader.Error(item, $"language '{code}' is listed twice");
            else
                languages.Add(code);
        }
    }

    private Dictionary<DayOfWeek, IReadOnlyList<TimeRange>> ParseHours(YamlMappingNode root)
    {
        var result = new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>();
        var map = Settings(root, "hours");
        if (map is null)
            return result;
        foreach (var (key, value) in map.Children)
        {
            var day = Array.IndexOf(Weekdays, YamlFileReader.Scalar(key).ToLowerInvariant());
            if (day < 0)
            {
                reader.Error(key, $"'{YamlFileReader.Scalar(key)}' is not a weekday (monday ... sunday)");
                continue;
            }
            result[(DayOfWeek)((day + 1) % 7)] = Ranges(value, $"hours of {Weekdays[day]}", allowClosed: true);
        }
        return result;
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
        reader.RejectUnknownKeys(map, "queue", "name", "offer_callback_after_seconds", "max_queue_size");
        var name = Setting(map, "name");
        var offer = reader.Int(reader.Required(map, "offer_callback_after_seconds"), "'offer_callback_after_seconds'", min: 0);
        var max = reader.Int(reader.Required(map, "max_queue_size"), "'max_queue_size'", min: 1);
        return name is null || offer is null || max is null ? null : new QueueSettings(name, offer.Value, max.Value);
    }

    private int? ParseSms(YamlMappingNode root)
    {
        var map = Settings(root, "sms");
        if (map is null)
            return null;
        reader.RejectUnknownKeys(map, "sms", "inactivity_minutes");
        return reader.Int(reader.Required(map, "inactivity_minutes"), "'inactivity_minutes'", min: 1);
    }

    private void ParseCallbackWindows(YamlMappingNode root)
    {
        var map = reader.Mapping(reader.Optional(root, "callback_windows"), "'callback_windows'");
        if (map is null)
            return;
        foreach (var (key, value) in map.Children)
        {
            var name = YamlFileReader.Scalar(key);
            if (!NodeId().IsMatch(name))
                reader.Error(key, $"callback window name '{name}' must be letters, digits and _");
            else
                callbackWindows[name] = Ranges(value, $"callback window '{name}'", allowClosed: false);
        }
    }

    private Dictionary<string, IReadOnlyDictionary<string, string>> ParseMessages(YamlMappingNode root)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var map = Settings(root, "messages");
        if (map is null)
            return result;
        foreach (var (key, value) in map.Children)
        {
            if (Texts(value, $"message '{YamlFileReader.Scalar(key)}'") is { } texts)
                result[YamlFileReader.Scalar(key)] = texts;
        }
        foreach (var required in MessageKeys.Required.Where(k => reader.Optional(map, k) is null))
            reader.Error(map, $"missing message '{required}' (needed by the web layer)");
        return result;
    }

    // ---------- nodes ----------

    private Dictionary<string, FlowNode> ParseNodes(YamlMappingNode root)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        var map = Settings(root, "nodes");
        if (map is null)
            return nodes;
        foreach (var (key, value) in map.Children)
        {
            var id = YamlFileReader.Scalar(key);
            reader.Where = FlowOutline.Place(id);
            var node = ParseNode(id, key, value);
            if (node?.Parsed is { } parsed)
                nodes[id] = parsed;
            reader.Where = null;
        }
        return nodes;
    }

    private NodeOutline? ParseNode(string id, YamlNode key, YamlNode value)
    {
        if (!NodeId().IsMatch(id))
        {
            reader.Error(key, "a node id must start with a letter and use only letters, digits and _");
            return null;
        }
        if (value is not YamlMappingNode body)
        {
            outline.Nodes.Add(new NodeOutline(id, YamlFileReader.LineOf(key), NodeKind.Action));
            reader.Error(value, "a node must be a set of settings (say:/ask:/branch:/action: ...)");
            return null;
        }
        var kinds = new[] { NodeKind.Say, NodeKind.Ask, NodeKind.Branch, NodeKind.Action }
            .Where(k => reader.Optional(body, k.ToString().ToLowerInvariant()) is not null).ToList();
        if (kinds.Count != 1)
        {
            outline.Nodes.Add(new NodeOutline(id, YamlFileReader.LineOf(key), NodeKind.Action));
            reader.Error(key, kinds.Count == 0
                ? "a node needs exactly one of: say, ask, branch, action"
                : $"a node can be only one kind, but has {string.Join(" and ", kinds.Select(k => k.ToString().ToLowerInvariant()))}");
            return null;
        }
        var node = new NodeOutline(id, YamlFileReader.LineOf(key), kinds[0]);
        outline.Nodes.Add(node);
        node.Parsed = kinds[0] switch
        {
            NodeKind.Say => ParseSay(node, key, body),
            NodeKind.Ask => ParseAsk(node, key, body),
            NodeKind.Branch => ParseBranch(node, key, body),
            _ => ParseTerminal(node, key, body),
        };
        return node;
    }

    /// <summary>Reads a node named as the way on and records it for the validator.</summary>
    private string? Exit(NodeOutline node, YamlMappingNode map, string key, bool automatic)
    {
        var value = reader.Optional(map, key);
        var to = reader.Text(value, $"'{key}'");
        if (to is not null)
            node.Exits.Add(new NodeExit(to, YamlFileReader.LineOf(value!), automatic));
        return to;
    }

    private SayNode? ParseSay(NodeOutline node, YamlNode key, YamlMappingNode body)
    {
        reader.RejectUnknownKeys(body, "a say node", "say", "next");
        var text = Texts(reader.Required(body, "say", key), "the 'say' text");
        node.WaysOut = reader.Optional(body, "next") is null ? 0 : 1;
        var next = Exit(node, body, "next", automatic: true);
        return text is null || next is null ? null : new SayNode { Id = node.Id, Line = node.Line, Text = text, Next = next };
    }

    private AskNode? ParseAsk(NodeOutline node, YamlNode key, YamlMappingNode body)
    {
        reader.RejectUnknownKeys(body, "an ask node", "ask", "field", "input", "timeout_seconds", "no_input", "options");
        var prompt = Texts(reader.Required(body, "ask", key), "the 'ask' prompt");
        var fieldNode = reader.Optional(body, "field");
        var field = reader.Text(fieldNode, "'field'");
        if (fieldNode is null)
            reader.Error(key, $"ask node has no 'field' (one of: {string.Join(", ", IntakeFields.All)})");
        else if (field is not null && !IntakeFields.IsKnown(field))
        {
            reader.Error(fieldNode, $"unknown field '{field}' (known: {string.Join(", ", IntakeFields.All)})");
            field = null;
        }
        var mode = InputMode.DtmfAndSpeech;
        if (OptionalSetting(body, "input") is { } input)
        {
            switch (input)
            {
                case "dtmf": mode = InputMode.Dtmf; break;
                case "speech": mode = InputMode.Speech; break;
                case "both": mode = InputMode.DtmfAndSpeech; break;
                default: reader.Error(reader.Optional(body, "input"), $"input '{input}' must be dtmf, speech or both"); break;
            }
        }
        var timeout = reader.Int(reader.Optional(body, "timeout_seconds"), "'timeout_seconds'", min: 1) ?? 5;
        var noInput = Exit(node, body, "no_input", automatic: false);

        var options = new List<AskOption>();
        var optionsNode = reader.Optional(body, "options");
        node.WaysOut = optionsNode switch
        {
            null => 0,
            YamlSequenceNode list => list.Children.Count,
            _ => null,
        };
        if (optionsNode is not null and not YamlSequenceNode)
            reader.Error(optionsNode, "'options' must be a list of choices, each starting with '- press: <digit>'");
        foreach (var item in (optionsNode as YamlSequenceNode)?.Children ?? [])
            if (ParseOption(node, field, item, options) is { } option)
                options.Add(option);

        return prompt is null || field is null || options.Count == 0
            ? null
            : new AskNode
            {
                Id = node.Id, Line = node.Line, Prompt = prompt, Field = field, Mode = mode, TimeoutSeconds = timeout,
                Options = options, NoInput = noInput,
            };
    }

    private AskOption? ParseOption(NodeOutline node, string? field, YamlNode item, List<AskOption> earlier)
    {
        if (item is not YamlMappingNode m)
        {
            reader.Error(item, "an option must be a set of settings (press:, value:, label:, next:)");
            return null;
        }
        reader.RejectUnknownKeys(m, "an option", "press", "value", "language", "label", "keywords", "next");
        var press = Setting(m, "press");
        if (press is not null && !Digits().IsMatch(press))
        {
            reader.Error(reader.Optional(m, "press"), $"press '{press}' must be one to three digits");
            press = null;
        }
        else if (press is not null && earlier.Any(o => o.Key == press))
        {
            reader.Error(reader.Optional(m, "press"), $"duplicate option digit '{press}'");
            press = null;
        }
        var what = $"option {press ?? "?"}";
        var language = OptionalSetting(m, "language");
        var value = OptionalSetting(m, "value");
        if (language is not null)
        {
            if (field is not null && field != IntakeFields.Language)
                reader.Error(reader.Optional(m, "language"), $"{what}: 'language' only belongs on options of a 'field: language' question");
            else if (!languages.Contains(language))
                reader.Error(reader.Optional(m, "language"), $"{what}: unknown language '{language}' (declared: {string.Join(", ", languages)})");
            value ??= language;
        }
        if (value is null)
            reader.Error(m, field == IntakeFields.Language ? $"{what} needs 'language:'" : $"{what} needs 'value:'");
        else if (field is not null && AllowedValues(field) is { } allowed && !allowed.Contains(value))
            reader.Error(reader.Optional(m, "value") ?? m, $"{what}: value '{value}' is not allowed for field '{field}' (allowed: {string.Join(", ", allowed)})");

        var label = Texts(reader.Required(m, "label"), $"the label of {what}");
        var keywords = ParseKeywords(m, what);
        if (reader.Optional(m, "next") is null)
            reader.Error(m, $"{what} has no 'next'");
        var next = Exit(node, m, "next", automatic: false);

        return press is null || value is null || label is null || next is null
            ? null
            : new AskOption
            {
                Key = press, Value = value, Language = language, Label = label, Keywords = keywords, Next = next,
                Line = YamlFileReader.LineOf(m),
            };
    }

    private Dictionary<string, IReadOnlyList<string>> ParseKeywords(YamlMappingNode option, string what)
    {
        var keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var node = reader.Optional(option, "keywords");
        if (node is null)
            return keywords;
        if (node is not YamlMappingNode map)
        {
            reader.Error(node, $"{what}: 'keywords' must list words per language (en: [yes, yeah])");
            return keywords;
        }
        foreach (var (lk, lv) in map.Children)
        {
            var language = YamlFileReader.Scalar(lk);
            if (!languages.Contains(language))
                reader.Error(lk, $"{what}: unknown language '{language}' in keywords (declared: {string.Join(", ", languages)})");
            else if (lv is YamlSequenceNode words && words.Children.All(w => w is YamlScalarNode))
                keywords[language] = words.Children.Select(YamlFileReader.Scalar).Where(w => w.Length > 0).ToArray();
            else if (lv is YamlScalarNode one)
                keywords[language] = [YamlFileReader.Scalar(one)];
            else
                reader.Error(lv, $"{what}: keywords for '{language}' must be a list of words");
        }
        return keywords;
    }

    private BranchNode? ParseBranch(NodeOutline node, YamlNode key, YamlMappingNode body)
    {
        reader.RejectUnknownKeys(body, "a branch node", "branch", "otherwise");
        var rules = new List<BranchRule>();
        var ok = true;
        var list = reader.Optional(body, "branch");
        if (list is YamlSequenceNode conditions)
        {
            foreach (var item in conditions.Children)
            {
                var rule = ParseCondition(node, item);
                ok &= rule is not null;
                if (rule is not null)
                    rules.Add(rule);
            }
        }
        else if (list is not YamlScalarNode { Value: "" or "~" or "null" })
        {
            reader.Error(list, "'branch' must be a list of conditions (- field: x / equals: y / next: z, or - open_hours: true / next: z)");
            ok = false;
        }
        node.WaysOut = reader.Optional(body, "otherwise") is null ? 0 : 1;
        var otherwise = Exit(node, body, "otherwise", automatic: true);
        return ok && otherwise is not null ? new BranchNode { Id = node.Id, Line = node.Line, Rules = rules, Otherwise = otherwise } : null;
    }

    /// <summary>
    /// One condition of a branch: 'open_hours: true|false', or 'field:' + 'equals:'. A new kind of condition is one
    /// more key here and one more case below.
    /// </summary>
    private BranchRule? ParseCondition(NodeOutline node, YamlNode item)
    {
        if (item is not YamlMappingNode m)
        {
            reader.Error(item, "a branch condition must be a set of settings (field:, equals:, next: or open_hours:, next:)");
            return null;
        }
        reader.RejectUnknownKeys(m, "a branch condition", "field", "equals", "open_hours", "next");
        var next = Exit(node, m, "next", automatic: true);
        if (reader.Optional(m, "next") is null)
            reader.Error(m, "missing 'next'");
        var line = YamlFileReader.LineOf(m);
        if (reader.Optional(m, "open_hours") is { } openNode)
        {
            if (reader.Optional(m, "field") is not null || reader.Optional(m, "equals") is not null)
                reader.Error(m, "a condition is either 'open_hours:' or 'field:' + 'equals:', not both");
            var open = reader.Bool(openNode, "'open_hours'");
            return open is null || next is null ? null : new BranchRule { OpenHours = open, Next = next, Line = line };
        }
        var field = Setting(m, "field");
        var value = Setting(m, "equals");
        if (field is not null && !IntakeFields.IsKnown(field))
        {
            reader.Error(reader.Optional(m, "field"), $"unknown field '{field}' (known: {string.Join(", ", IntakeFields.All)})");
            return null;
        }
        if (field is not null && value is not null && AllowedValues(field) is { } allowed && !allowed.Contains(value))
        {
            reader.Error(reader.Optional(m, "equals"), $"value '{value}' is not allowed for field '{field}' (allowed: {string.Join(", ", allowed)})");
            return null;
        }
        return field is null || value is null || next is null
            ? null
            : new BranchRule { Field = field, EqualsValue = value, Next = next, Line = line };
    }

    private TerminalNode? ParseTerminal(NodeOutline node, YamlNode key, YamlMappingNode body)
    {
        reader.RejectUnknownKeys(body, "an action node", "action", "message");
        var action = Setting(body, "action", key);
        TerminalKind? kind = action switch
        {
            "queue" => TerminalKind.Queue,
            "voicemail" => TerminalKind.Voicemail,
            "hangup" => TerminalKind.Hangup,
            _ => null,
        };
        if (kind is null && action is not null)
            reader.Error(reader.Optional(body, "action"), $"action '{action}' must be queue, voicemail or hangup");
        var messageNode = reader.Optional(body, "message");
        var message = messageNode is null ? null : Texts(messageNode, "the 'message'");
        return kind is null ? null : new TerminalNode { Id = node.Id, Line = node.Line, Action = kind.Value, Message = message };
    }

    // ---------- values ----------

    private IReadOnlyList<string>? AllowedValues(string field) =>
        field switch
        {
            IntakeFields.Need => IntakeFields.NeedValues,
            IntakeFields.Language => languages,
            IntakeFields.CallbackWindow => callbackWindows.Keys.ToArray(),
            _ when IntakeFields.IsYesNo(field) => IntakeFields.YesNoValues,
            _ => null,
        };

    private IReadOnlyList<TimeRange> Ranges(YamlNode value, string what, bool allowClosed)
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
        var ranges = new List<TimeRange>();
        foreach (var (text, node) in parts)
        {
            if (TryParseRange(text, out var range))
                ranges.Add(range);
            else
                reader.Error(node, $"bad time range '{text}' for {what}: use HH:MM-HH:MM with the start before the end (24:00 ends a day; split ranges that cross midnight)");
        }
        return ranges;
    }

    private static bool TryParseRange(string text, out TimeRange range)
    {
        range = default;
        var m = TimeRangePattern().Match(text);
        if (!m.Success)
            return false;
        var start = ToTime(m.Groups[1].Value, m.Groups[2].Value);
        var end = ToTime(m.Groups[3].Value, m.Groups[4].Value);
        if (start is null || end is null || start >= end || start >= TimeSpan.FromHours(24))
            return false;
        range = new TimeRange(start.Value, end.Value);
        return true;
    }

    private static TimeSpan? ToTime(string h, string m)
    {
        var hours = int.Parse(h, CultureInfo.InvariantCulture);
        var minutes = int.Parse(m, CultureInfo.InvariantCulture);
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
            return null;
        return new TimeSpan(hours, minutes, 0);
    }

    /// <summary>
    /// A text per declared language (one plain text when the flow has one language). Which languages are missing or
    /// unknown is the validator's to say; this records the lines it needs.
    /// </summary>
    private Dictionary<string, string>? Texts(YamlNode? value, string what)
    {
        if (value is null)
            return null;
        if (value is YamlScalarNode single && languages.Count == 1 && !string.IsNullOrWhiteSpace(single.Value))
        {
            outline.Texts.Add(new TranslatedText(reader.Where, what, YamlFileReader.LineOf(value), new Dictionary<string, int> { [languages[0]] = YamlFileReader.LineOf(value) }));
            return new Dictionary<string, string>(StringComparer.Ordinal) { [languages[0]] = single.Value.Trim() };
        }
        if (value is not YamlMappingNode map)
        {
            reader.Error(value, $"{what} must give one text per language ({string.Join(": ..., ", languages)}: ...)");
            return null;
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var language = YamlFileReader.Scalar(k);
            if (v is not YamlScalarNode { Value: { } t } || string.IsNullOrWhiteSpace(t))
                reader.Error(v, $"the '{language}' text of {what} must be non-empty text");
            else if (languages.Contains(language))
                texts[language] = t.Trim();
        }
        outline.Texts.Add(new TranslatedText(reader.Where, what, YamlFileReader.LineOf(value),
            map.Children.Keys.ToDictionary(YamlFileReader.Scalar, YamlFileReader.LineOf, StringComparer.Ordinal)));
        return texts.Count == languages.Count ? texts : null;
    }

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NodeId();

    [GeneratedRegex(@"^[0-9]{1,3}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")]
    private static partial Regex TimeRangePattern();
}
