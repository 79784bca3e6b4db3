using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Flows;

/// <summary>
/// Reads a flow file through YamlDotNet's representation model (so every error carries a line), collects every
/// problem it can find, and throws them together.
/// </summary>
internal sealed partial class FlowParser(string file)
{
    private static readonly string[] TopLevelKeys =
    [
        "id", "name", "languages", "emergencyNumber", "backupLine", "timeZone", "hours", "holidays", "queue",
        "maxInvalidAttempts", "sms", "callbackWindows", "start", "fallback", "messages", "nodes",
    ];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private readonly List<FlowError> errors = [];
    private readonly List<string> languages = [];
    private readonly Dictionary<string, IReadOnlyList<TimeRange>> callbackWindows = new(StringComparer.Ordinal);
    private readonly List<(string From, string To, int Line, bool Automatic)> references = [];

    public Flow Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FlowValidationException([new FlowError(file, Math.Max(1, (int)ex.Start.Line), null, Describe(ex))]);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count > 0 ? LineOf(stream.Documents[0].RootNode) : 1;
            throw new FlowValidationException([new FlowError(file, line, null,
                "a flow file must be one YAML document of settings (id:, name:, languages:, ..., nodes:)")]);
        }

        CheckKeys(root, null, "the flow", TopLevelKeys);
        var id = Str(root, "id", null, root, required: true) ?? "";
        var name = Str(root, "name", null, root, required: true) ?? "";
        ParseLanguages(root);
        var emergency = Str(root, "emergencyNumber", null, root, required: true) ?? "";
        var backup = Str(root, "backupLine", null, root, required: true) ?? "";
        var timeZone = ParseTimeZone(root);
        var hours = ParseHours(root);
        var holidays = ParseHolidays(root);
        var queue = ParseQueue(root);
        var maxInvalid = Int(root, "maxInvalidAttempts", null, root, required: true, min: 1) ?? 3;
        var smsMinutes = ParseSms(root);
        ParseCallbackWindows(root);
        var start = Str(root, "start", null, root, required: true);
        var fallback = Str(root, "fallback", null, root, required: true);
        var messages = ParseMessages(root);
        var (nodes, declared) = ParseNodes(root);

        CheckGraph(root, nodes, declared, start, fallback);

        if (errors.Count > 0)
            throw new FlowValidationException(errors.OrderBy(e => e.Line).ToList());

        return new Flow
        {
            Id = id,
            Name = name,
            SourceFile = file,
            Languages = languages.ToArray(),
            EmergencyNumber = emergency,
            BackupLine = backup,
            TimeZone = timeZone!,
            MaxInvalidAttempts = maxInvalid,
            StartNode = start!,
            FallbackNode = fallback!,
            Queue = queue!,
            SmsInactivityMinutes = smsMinutes,
            Nodes = nodes,
            OpenHours = hours,
            Holidays = holidays,
            CallbackWindows = callbackWindows,
            Messages = messages,
        };
    }

    // ---------- settings ----------

    private void ParseLanguages(YamlMappingNode root)
    {
        var node = Get(root, "languages");
        if (node is null)
        {
            Error(root, null, "missing 'languages' (a list such as [en, es]; the first is the default)");
            return;
        }
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(node, null, "'languages' must be a non-empty list such as [en, es]");
            return;
        }
        foreach (var item in list.Children)
        {
            if (item is not YamlScalarNode { Value: { } code } || !LanguageCode().IsMatch(code))
                Error(item, null, $"'{Text(item)}' is not a language code (such as en, es, pl, pt-BR)");
            else if (languages.Contains(code))
                Error(item, null, $"language '{code}' is listed twice");
            else
                languages.Add(code);
        }
    }

    private TimeZoneInfo? ParseTimeZone(YamlMappingNode root)
    {
        var id = Str(root, "timeZone", null, root, required: true);
        if (id is null)
            return null;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            Error(Get(root, "timeZone"), null, $"unknown time zone '{id}' (use an IANA id such as America/Chicago)");
            return null;
        }
    }

    private Dictionary<DayOfWeek, IReadOnlyList<TimeRange>> ParseHours(YamlMappingNode root)
    {
        var result = new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>();
        var map = Map(root, "hours", null, root, required: true);
        if (map is null)
            return result;
        foreach (var (key, value) in map.Children)
        {
            var day = Array.IndexOf(Weekdays, Text(key).ToLowerInvariant());
            if (day < 0)
            {
                Error(key, null, $"'{Text(key)}' is not a weekday (monday ... sunday)");
                continue;
            }
            result[(DayOfWeek)((day + 1) % 7)] = Ranges(value, $"hours of {Weekdays[day]}", allowClosed: true);
        }
        return result;
    }

    private HashSet<DateOnly> ParseHolidays(YamlMappingNode root)
    {
        var result = new HashSet<DateOnly>();
        var node = Get(root, "holidays");
        if (node is null)
            return result;
        if (node is not YamlSequenceNode list)
        {
            Error(node, null, "'holidays' must be a list of dates such as [2026-12-25]");
            return result;
        }
        foreach (var item in list.Children)
        {
            if (DateOnly.TryParseExact(Text(item), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                result.Add(d);
            else
                Error(item, null, $"holiday '{Text(item)}' is not a date in the form YYYY-MM-DD");
        }
        return result;
    }

    private QueueSettings? ParseQueue(YamlMappingNode root)
    {
        var map = Map(root, "queue", null, root, required: true);
        if (map is null)
            return null;
        CheckKeys(map, null, "queue", "name", "offerCallbackAfterSeconds", "maxQueueSize", "timeoutMinutes");
        var name = Str(map, "name", null, map, required: true);
        var offer = Int(map, "offerCallbackAfterSeconds", null, map, required: true, min: 0);
        var max = Int(map, "maxQueueSize", null, map, required: true, min: 1);
        var timeout = Int(map, "timeoutMinutes", null, map, required: false, min: 1) ?? QueueSettings.DefaultTimeoutMinutes;
        return name is null || offer is null || max is null ? null : new QueueSettings(name, offer.Value, max.Value, timeout);
    }

    private int ParseSms(YamlMappingNode root)
    {
        var map = Map(root, "sms", null, root, required: true);
        if (map is null)
            return 0;
        CheckKeys(map, null, "sms", "inactivityMinutes");
        return Int(map, "inactivityMinutes", null, map, required: true, min: 1) ?? 0;
    }

    private void ParseCallbackWindows(YamlMappingNode root)
    {
        var map = Map(root, "callbackWindows", null, root, required: false);
        if (map is null)
            return;
        foreach (var (key, value) in map.Children)
        {
            var name = Text(key);
            if (!NodeId().IsMatch(name))
                Error(key, null, $"callback window name '{name}' must be letters, digits and _");
            else
                callbackWindows[name] = Ranges(value, $"callback window '{name}'", allowClosed: false);
        }
    }

    private Dictionary<string, IReadOnlyDictionary<string, string>> ParseMessages(YamlMappingNode root)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var map = Map(root, "messages", null, root, required: true);
        if (map is null)
            return result;
        foreach (var (key, value) in map.Children)
        {
            var texts = Texts(value, null, $"message '{Text(key)}'", key, required: true);
            if (texts is not null)
                result[Text(key)] = texts;
        }
        foreach (var required in MessageKeys.Required.Where(k => !map.Children.Keys.Any(c => Text(c) == k)))
            Error(map, null, $"missing message '{required}' (needed by the web layer)");
        return result;
    }

    // ---------- nodes ----------

    private (Dictionary<string, FlowNode> Nodes, Dictionary<string, int> Declared) ParseNodes(YamlMappingNode root)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        var declared = new Dictionary<string, int>(StringComparer.Ordinal);
        var map = Map(root, "nodes", null, root, required: true);
        if (map is null)
            return (nodes, declared);
        foreach (var (key, value) in map.Children)
        {
            var id = Text(key);
            if (!NodeId().IsMatch(id))
            {
                Error(key, id, "a node id must start with a letter and use only letters, digits and _");
                continue;
            }
            declared[id] = LineOf(key);
            if (value is not YamlMappingNode body)
            {
                Error(value, id, "a node must be a set of settings (say:/ask:/branch:/action: ...)");
                continue;
            }
            var kinds = new[] { "say", "ask", "branch", "action" }.Where(k => Get(body, k) is not null).ToList();
            if (kinds.Count != 1)
            {
                Error(key, id, kinds.Count == 0
                    ? "a node needs exactly one of: say, ask, branch, action"
                    : $"a node can be only one kind, but has {string.Join(" and ", kinds)}");
                continue;
            }
            FlowNode? node = kinds[0] switch
            {
                "say" => ParseSay(id, key, body),
                "ask" => ParseAsk(id, key, body),
                "branch" => ParseBranch(id, key, body),
                _ => ParseTerminal(id, key, body),
            };
            if (node is not null)
                nodes[id] = node;
        }
        return (nodes, declared);
    }

    private SayNode? ParseSay(string id, YamlNode key, YamlMappingNode body)
    {
        CheckKeys(body, id, "a say node", "say", "next");
        var text = Texts(Get(body, "say"), id, "the 'say' text", key, required: true);
        var next = Str(body, "next", id, key, required: false);
        if (next is null && Get(body, "next") is null)
            Error(key, id, "say node has no 'next' (no way out)");
        if (next is not null)
            references.Add((id, next, LineOf(Get(body, "next")!), true));
        return text is null || next is null ? null : new SayNode { Id = id, Line = LineOf(key), Text = text, Next = next };
    }

    private AskNode? ParseAsk(string id, YamlNode key, YamlMappingNode body)
    {
        CheckKeys(body, id, "an ask node", "ask", "field", "input", "timeoutSeconds", "noInput", "options");
        var prompt = Texts(Get(body, "ask"), id, "the 'ask' prompt", key, required: true);
        var field = Str(body, "field", id, key, required: false);
        if (field is null && Get(body, "field") is null)
            Error(key, id, $"ask node has no 'field' (one of: {string.Join(", ", IntakeFields.All)})");
        else if (field is not null && !IntakeFields.IsKnown(field))
        {
            Error(Get(body, "field"), id, $"unknown field '{field}' (known: {string.Join(", ", IntakeFields.All)})");
            field = null;
        }
        var mode = InputMode.DtmfAndSpeech;
        if (Str(body, "input", id, key, required: false) is { } input)
        {
            switch (input)
            {
                case "dtmf": mode = InputMode.Dtmf; break;
                case "speech": mode = InputMode.Speech; break;
                case "both": mode = InputMode.DtmfAndSpeech; break;
                default: Error(Get(body, "input"), id, $"input '{input}' must be dtmf, speech or both"); break;
            }
        }
        var timeout = Int(body, "timeoutSeconds", id, key, required: false, min: 1) ?? 5;
        var noInput = Str(body, "noInput", id, key, required: false);
        if (noInput is not null)
            references.Add((id, noInput, LineOf(Get(body, "noInput")!), false));

        var options = new List<AskOption>();
        var optionsNode = Get(body, "options");
        if (optionsNode is null || optionsNode is YamlSequenceNode { Children.Count: 0 })
            Error(optionsNode ?? key, id, "ask node has no options (no way out)");
        else if (optionsNode is not YamlSequenceNode list)
            Error(optionsNode, id, "'options' must be a list of choices, each starting with '- press: <digit>'");
        else
            foreach (var item in list.Children)
                if (ParseOption(id, field, item, options) is { } option)
                    options.Add(option);

        return prompt is null || field is null || options.Count == 0
            ? null
            : new AskNode
            {
                Id = id, Line = LineOf(key), Prompt = prompt, Field = field, Mode = mode, TimeoutSeconds = timeout,
                Options = options, NoInput = noInput,
            };
    }

    private AskOption? ParseOption(string id, string? field, YamlNode item, List<AskOption> earlier)
    {
        if (item is not YamlMappingNode m)
        {
            Error(item, id, "an option must be a set of settings (press:, value:, label:, next:)");
            return null;
        }
        CheckKeys(m, id, "an option", "press", "value", "language", "label", "keywords", "next");
        var press = Str(m, "press", id, m, required: true);
        if (press is not null && !Digits().IsMatch(press))
        {
            Error(Get(m, "press"), id, $"press '{press}' must be one to three digits");
            press = null;
        }
        else if (press is not null && earlier.Any(o => o.Key == press))
        {
            Error(Get(m, "press"), id, $"duplicate option digit '{press}'");
            press = null;
        }
        var what = $"option {press ?? "?"}";
        var language = Str(m, "language", id, m, required: false);
        var value = Str(m, "value", id, m, required: false);
        if (language is not null)
        {
            if (field is not null && field != IntakeFields.Language)
                Error(Get(m, "language"), id, $"{what}: 'language' only belongs on options of a 'field: language' question");
            else if (!languages.Contains(language))
                Error(Get(m, "language"), id, $"{what}: unknown language '{language}' (declared: {string.Join(", ", languages)})");
            value ??= language;
        }
        if (value is null)
            Error(m, id, field == IntakeFields.Language ? $"{what} needs 'language:'" : $"{what} needs 'value:'");
        else if (field is not null && AllowedValues(field) is { } allowed && !allowed.Contains(value))
            Error(Get(m, "value") ?? m, id, $"{what}: value '{value}' is not allowed for field '{field}' (allowed: {string.Join(", ", allowed)})");

        var label = Texts(Get(m, "label"), id, $"the label of {what}", m, required: true);
        var keywords = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Get(m, "keywords") is { } kw)
        {
            if (kw is not YamlMappingNode kwMap)
                Error(kw, id, $"{what}: 'keywords' must list words per language (en: [yes, yeah])");
            else
                foreach (var (lk, lv) in kwMap.Children)
                {
                    if (!languages.Contains(Text(lk)))
                        Error(lk, id, $"{what}: unknown language '{Text(lk)}' in keywords (declared: {string.Join(", ", languages)})");
                    else if (lv is YamlSequenceNode words && words.Children.All(w => w is YamlScalarNode))
                        keywords[Text(lk)] = words.Children.Select(Text).Where(w => w.Length > 0).ToArray();
                    else if (lv is YamlScalarNode one)
                        keywords[Text(lk)] = [Text(one)];
                    else
                        Error(lv, id, $"{what}: keywords for '{Text(lk)}' must be a list of words");
                }
        }
        var next = Str(m, "next", id, m, required: false);
        if (next is null)
            Error(m, id, $"{what} has no 'next'");
        else
            references.Add((id, next, LineOf(Get(m, "next")!), false));

        return press is null || value is null || label is null || next is null
            ? null
            : new AskOption
            {
                Key = press, Value = value, Language = language, Label = label, Keywords = keywords, Next = next,
                Line = LineOf(m),
            };
    }

    private BranchNode? ParseBranch(string id, YamlNode key, YamlMappingNode body)
    {
        CheckKeys(body, id, "a branch node", "branch", "otherwise");
        var rules = new List<BranchRule>();
        var ok = true;
        var list = Get(body, "branch");
        if (list is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children)
            {
                var rule = ParseRule(id, item);
                if (rule is null)
                    ok = false;
                else
                    rules.Add(rule);
            }
        }
        else if (list is not YamlScalarNode { Value: "" or "~" or "null" })
        {
            Error(list, id, "'branch' must be a list of conditions (- field: x / equals: y / next: z, or - openHours: true / next: z)");
            ok = false;
        }
        var otherwise = Str(body, "otherwise", id, key, required: false);
        if (otherwise is null)
            Error(key, id, "branch node has no 'otherwise' (no way out when no condition matches)");
        else
            references.Add((id, otherwise, LineOf(Get(body, "otherwise")!), true));
        return ok && otherwise is not null ? new BranchNode { Id = id, Line = LineOf(key), Rules = rules, Otherwise = otherwise } : null;
    }

    private BranchRule? ParseRule(string id, YamlNode item)
    {
        if (item is not YamlMappingNode m)
        {
            Error(item, id, "a branch condition must be a set of settings (field:, equals:, next: or openHours:, next:)");
            return null;
        }
        CheckKeys(m, id, "a branch condition", "field", "equals", "openHours", "next");
        var next = Str(m, "next", id, m, required: true);
        if (next is not null)
            references.Add((id, next, LineOf(Get(m, "next")!), true));
        if (Get(m, "openHours") is { } openNode)
        {
            if (Get(m, "field") is not null || Get(m, "equals") is not null)
                Error(m, id, "a condition is either 'openHours:' or 'field:' + 'equals:', not both");
            bool? open = Text(openNode) switch { "true" => true, "false" => false, _ => null };
            if (open is null)
                Error(openNode, id, "'openHours' must be true or false");
            return open is null || next is null ? null : new BranchRule { OpenHours = open, Next = next, Line = LineOf(m) };
        }
        var field = Str(m, "field", id, m, required: true);
        var value = Str(m, "equals", id, m, required: true);
        if (field is not null && !IntakeFields.IsKnown(field))
        {
            Error(Get(m, "field"), id, $"unknown field '{field}' (known: {string.Join(", ", IntakeFields.All)})");
            return null;
        }
        if (field is not null && value is not null && AllowedValues(field) is { } allowed && !allowed.Contains(value))
        {
            Error(Get(m, "equals"), id, $"value '{value}' is not allowed for field '{field}' (allowed: {string.Join(", ", allowed)})");
            return null;
        }
        return field is null || value is null || next is null
            ? null
            : new BranchRule { Field = field, EqualsValue = value, Next = next, Line = LineOf(m) };
    }

    private TerminalNode? ParseTerminal(string id, YamlNode key, YamlMappingNode body)
    {
        CheckKeys(body, id, "an action node", "action", "message");
        var action = Str(body, "action", id, key, required: true);
        TerminalKind? kind = action switch
        {
            "queue" => TerminalKind.Queue,
            "voicemail" => TerminalKind.Voicemail,
            "hangup" => TerminalKind.Hangup,
            _ => null,
        };
        if (kind is null && action is not null)
            Error(Get(body, "action"), id, $"action '{action}' must be queue, voicemail or hangup");
        var messageNode = Get(body, "message");
        var message = messageNode is null ? null : Texts(messageNode, id, "the 'message'", key, required: true);
        return kind is null ? null : new TerminalNode { Id = id, Line = LineOf(key), Action = kind.Value, Message = message };
    }

    // ---------- whole-graph checks ----------

    private void CheckGraph(YamlMappingNode root, Dictionary<string, FlowNode> nodes, Dictionary<string, int> declared, string? start, string? fallback)
    {
        foreach (var (from, to, line, automatic) in references)
        {
            if (!declared.ContainsKey(to))
                errors.Add(new FlowError(file, line, from, $"unknown target node '{to}'"));
            else if (automatic && from == to)
                errors.Add(new FlowError(file, line, from, "a say or branch node cannot go to itself (it would loop forever)"));
        }
        if (start is not null && !declared.ContainsKey(start))
            Error(Get(root, "start"), null, $"start node '{start}' does not exist");
        if (fallback is not null)
        {
            if (!declared.ContainsKey(fallback))
                Error(Get(root, "fallback"), null, $"fallback node '{fallback}' does not exist");
            else if (nodes.TryGetValue(fallback, out var f) && f is not TerminalNode { Action: TerminalKind.Queue })
                errors.Add(new FlowError(file, LineOf(Get(root, "fallback")!), fallback,
                    "the fallback node must be an operator-queue terminal (action: queue): callers are never hung up on for a wrong key"));
        }
        if (start is null || !declared.ContainsKey(start))
            return;

        // Reachability: the fallback is reachable from any question, so it counts as reached.
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        if (fallback is not null)
            reached.Add(fallback);
        var pending = new Queue<string>(reached);
        while (pending.TryDequeue(out var current))
        {
            var targets = nodes.TryGetValue(current, out var n)
                ? n.Targets
                : references.Where(r => r.From == current).Select(r => r.To);
            foreach (var t in targets)
                if (declared.ContainsKey(t) && reached.Add(t))
                    pending.Enqueue(t);
        }
        foreach (var (id, line) in declared.Where(d => !reached.Contains(d.Key)))
            errors.Add(new FlowError(file, line, id, $"unreachable from the start node '{start}'"));

        // A loop made only of say/branch nodes never waits for the caller and would spin forever.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in nodes.Keys.Where(k => nodes[k] is SayNode or BranchNode))
            if (FindAutomaticLoop(id, nodes, state))
            {
                errors.Add(new FlowError(file, nodes[id].Line, id, "loop of say/branch nodes with no question in between"));
                break;
            }
    }

    private static bool FindAutomaticLoop(string id, Dictionary<string, FlowNode> nodes, Dictionary<string, int> state)
    {
        if (!nodes.TryGetValue(id, out var node) || node is not (SayNode or BranchNode))
            return false;
        if (state.TryGetValue(id, out var s))
            return s == 1;
        state[id] = 1;
        foreach (var t in node.Targets.Distinct())
            if (t != id && FindAutomaticLoop(t, nodes, state))
                return true;
        state[id] = 2;
        return false;
    }

    // ---------- helpers ----------

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
            YamlSequenceNode seq => seq.Children.Select(c => (Text: Text(c).Trim(), Node: c)).ToList(),
            _ => [],
        };
        if (value is YamlMappingNode)
        {
            Error(value, null, $"{what} must be a time range such as 09:00-17:00");
            return [];
        }
        if (allowClosed && parts.Count == 1 && parts[0].Text.Equals("closed", StringComparison.OrdinalIgnoreCase))
            return [];
        if (parts.Count == 0)
        {
            Error(value, null, $"{what} is empty (use a time range such as 09:00-17:00{(allowClosed ? " or 'closed'" : "")})");
            return [];
        }
        var ranges = new List<TimeRange>();
        foreach (var (text, node) in parts)
        {
            if (TryParseRange(text, out var range))
                ranges.Add(range);
            else
                Error(node, null, $"bad time range '{text}' for {what}: use HH:MM-HH:MM with the start before the end (24:00 ends a day; split ranges that cross midnight)");
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

    private Dictionary<string, string>? Texts(YamlNode? value, string? node, string what, YamlNode anchor, bool required)
    {
        if (value is null)
        {
            if (required)
                Error(anchor, node, $"missing {what}");
            return null;
        }
        if (value is YamlScalarNode single && languages.Count == 1 && !string.IsNullOrWhiteSpace(single.Value))
            return new Dictionary<string, string>(StringComparer.Ordinal) { [languages[0]] = single.Value };
        if (value is not YamlMappingNode map)
        {
            Error(value, node, $"{what} must give one text per language ({string.Join(": ..., ", languages)}: ...)");
            return null;
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var lang = Text(k);
            if (!languages.Contains(lang))
                Error(k, node, $"unknown language '{lang}' in {what} (declared: {string.Join(", ", languages)})");
            else if (v is not YamlScalarNode { Value: { } t } || string.IsNullOrWhiteSpace(t))
                Error(v, node, $"the '{lang}' text of {what} must be non-empty text");
            else
                texts[lang] = t.Trim();
        }
        foreach (var lang in languages.Where(l => !map.Children.Keys.Any(k => Text(k) == l)))
            Error(value, node, $"missing '{lang}' translation of {what}");
        return texts.Count == languages.Count ? texts : null;
    }

    private YamlMappingNode? Map(YamlMappingNode parent, string key, string? node, YamlNode anchor, bool required)
    {
        var value = Get(parent, key);
        if (value is null)
        {
            if (required)
                Error(anchor, node, $"missing '{key}'");
            return null;
        }
        if (value is YamlMappingNode m)
            return m;
        Error(value, node, $"'{key}' must be a set of 'name: value' settings, not {Describe(value)}");
        return null;
    }

    private string? Str(YamlMappingNode parent, string key, string? node, YamlNode anchor, bool required)
    {
        var value = Get(parent, key);
        if (value is null)
        {
            if (required)
                Error(anchor, node, $"missing '{key}'");
            return null;
        }
        if (value is YamlScalarNode { Value: { } s } && !string.IsNullOrWhiteSpace(s))
            return s.Trim();
        Error(value, node, $"'{key}' must be a single text value, not {Describe(value)}");
        return null;
    }

    private int? Int(YamlMappingNode parent, string key, string? node, YamlNode anchor, bool required, int min)
    {
        var text = Str(parent, key, node, anchor, required);
        if (text is null)
            return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min)
            return n;
        Error(Get(parent, key), node, $"'{key}' must be a whole number of at least {min}, not '{text}'");
        return null;
    }

    private void CheckKeys(YamlMappingNode map, string? node, string where, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
            if (!allowed.Contains(Text(key)))
                Error(key, node, $"unknown setting '{Text(key)}' in {where} (expected: {string.Join(", ", allowed)})");
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: { } k } && k == key).Value;

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } v } ? v : "";

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a set of settings",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: var v } when string.IsNullOrWhiteSpace(v) => "an empty value",
        _ => "that",
    };

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the line is reported separately.
        var message = PositionPrefix().Replace(ex.Message, "");
        return "malformed YAML: " + message.Trim();
    }

    private static int LineOf(YamlNode node) => Math.Max(1, (int)node.Start.Line);

    private void Error(YamlNode? at, string? node, string reason) =>
        errors.Add(new FlowError(file, at is null ? 1 : LineOf(at), node, reason));

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NodeId();

    [GeneratedRegex(@"^[0-9]{1,3}$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")]
    private static partial Regex TimeRangePattern();

    [GeneratedRegex(@"^\(Line:[^)]*\)\s*-\s*\(Line:[^)]*\):\s*")]
    private static partial Regex PositionPrefix();
}
