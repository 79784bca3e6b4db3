using System.Text.RegularExpressions;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Flows;

/// <summary>
/// Reads the 'nodes:' of a flow file: say, ask (with its options), branch (with its conditions) and action nodes.
/// Every node, parsed or not, goes into the <see cref="FlowOutline"/> with the nodes it names as the way on.
/// </summary>
internal sealed partial class FlowNodeParser(
    YamlFileReader reader, FlowOutline outline, FlowTexts texts, IReadOnlyList<string> callbackWindows)
{
    /// <summary>Node ids and callback window names: a letter, then letters, digits and _.</summary>
    public static bool IsName(string text) => NodeId().IsMatch(text);

    public Dictionary<string, FlowNode> ParseNodes(YamlMappingNode root)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        var map = reader.Mapping(reader.Required(root, "nodes"), "'nodes'");
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
        // A declared node stays in the outline even when broken, so nodes naming it are not told it does not exist.
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
            NodeKind.Branch => ParseBranch(node, body),
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
        var text = texts.Read(reader.Required(body, "say", key), "the 'say' text");
        node.WaysOut = reader.Optional(body, "next") is null ? 0 : 1;
        var next = Exit(node, body, "next", automatic: true);
        return text is null || next is null ? null : new SayNode { Id = node.Id, Line = node.Line, Text = text, Next = next };
    }

    private AskNode? ParseAsk(NodeOutline node, YamlNode key, YamlMappingNode body)
    {
        reader.RejectUnknownKeys(body, "an ask node", "ask", "field", "input", "timeout_seconds", "no_input", "options");
        var prompt = texts.Read(reader.Required(body, "ask", key), "the 'ask' prompt");
        var fieldNode = reader.Optional(body, "field");
        var field = reader.Text(fieldNode, "'field'");
        if (fieldNode is null)
        {
            reader.Error(key, $"ask node has no 'field' (one of: {string.Join(", ", IntakeFields.All)})");
        }
        else if (field is not null && !IntakeFields.IsKnown(field))
        {
            reader.Error(fieldNode, UnknownField(field));
            field = null;
        }
        var mode = InputMode.DtmfAndSpeech;
        if (reader.OptionalSetting(body, "input") is { } input)
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
        {
            if (ParseOption(node, field, item, options) is { } option)
                options.Add(option);
        }

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
        var press = reader.Setting(m, "press");
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
        var language = reader.OptionalSetting(m, "language");
        var value = reader.OptionalSetting(m, "value");
        if (language is not null)
        {
            if (field is not null && field != IntakeFields.Language)
            {
                reader.Error(reader.Optional(m, "language"), $"{what}: 'language' only belongs on options of a 'field: language' question");
            }
            else if (!outline.Languages.Contains(language))
            {
                reader.Error(reader.Optional(m, "language"),
                    $"{what}: unknown language '{language}' (declared: {string.Join(", ", outline.Languages)})");
            }

            value ??= language;
        }
        if (value is null)
            reader.Error(m, field == IntakeFields.Language ? $"{what} needs 'language:'" : $"{what} needs 'value:'");
        else if (field is not null && NotAllowed(field, value) is { } problem)
            reader.Error(reader.Optional(m, "value") ?? m, $"{what}: {problem}");

        var label = texts.Read(reader.Required(m, "label"), $"the label of {what}");
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
            if (!outline.Languages.Contains(language))
                reader.Error(lk, $"{what}: unknown language '{language}' in keywords (declared: {string.Join(", ", outline.Languages)})");
            else if (lv is YamlSequenceNode words && words.Children.All(w => w is YamlScalarNode))
                keywords[language] = words.Children.Select(YamlFileReader.Scalar).Where(w => w.Length > 0).ToArray();
            else if (lv is YamlScalarNode one)
                keywords[language] = [YamlFileReader.Scalar(one)];
            else
                reader.Error(lv, $"{what}: keywords for '{language}' must be a list of words");
        }
        return keywords;
    }

    private BranchNode? ParseBranch(NodeOutline node, YamlMappingNode body)
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
            reader.Error(list, "'branch' must be a list of conditions "
                + "(- field: x / equals: y / next: z, - open_hours: true / next: z, or - number_withheld: true / next: z)");
            ok = false;
        }
        node.WaysOut = reader.Optional(body, "otherwise") is null ? 0 : 1;
        var otherwise = Exit(node, body, "otherwise", automatic: true);
        return ok && otherwise is not null ? new BranchNode { Id = node.Id, Line = node.Line, Rules = rules, Otherwise = otherwise } : null;
    }

    /// <summary>
    /// One condition of a branch: 'open_hours: true|false', 'number_withheld: true|false' (the caller gave no usable
    /// number, so nobody can call them back), or 'field:' + 'equals:'. A new kind of condition is one more key here
    /// and one more case below.
    /// </summary>
    private BranchRule? ParseCondition(NodeOutline node, YamlNode item)
    {
        if (item is not YamlMappingNode m)
        {
            reader.Error(item, "a branch condition must be a set of settings "
                + "(field:, equals:, next:, or open_hours:, next:, or number_withheld:, next:)");
            return null;
        }
        reader.RejectUnknownKeys(m, "a branch condition", "field", "equals", "open_hours", "number_withheld", "next");
        var next = Exit(node, m, "next", automatic: true);
        if (reader.Optional(m, "next") is null)
            reader.Error(m, "missing 'next'");
        var line = YamlFileReader.LineOf(m);
        if (reader.Optional(m, "number_withheld") is { } withheldNode)
        {
            if (reader.Optional(m, "field") is not null || reader.Optional(m, "equals") is not null
                || reader.Optional(m, "open_hours") is not null)
            {
                reader.Error(m, "a condition is one of 'number_withheld:', 'open_hours:' or 'field:' + 'equals:', not several");
            }
            var withheld = reader.Bool(withheldNode, "'number_withheld'");
            return withheld is null || next is null ? null : new BranchRule { NumberWithheld = withheld, Next = next, Line = line };
        }
        if (reader.Optional(m, "open_hours") is { } openNode)
        {
            if (reader.Optional(m, "field") is not null || reader.Optional(m, "equals") is not null)
                reader.Error(m, "a condition is either 'open_hours:' or 'field:' + 'equals:', not both");
            var open = reader.Bool(openNode, "'open_hours'");
            return open is null || next is null ? null : new BranchRule { OpenHours = open, Next = next, Line = line };
        }
        var field = reader.Setting(m, "field");
        var value = reader.Setting(m, "equals");
        if (field is not null && !IntakeFields.IsKnown(field))
        {
            reader.Error(reader.Optional(m, "field"), UnknownField(field));
            return null;
        }
        if (field is not null && value is not null && NotAllowed(field, value) is { } problem)
        {
            reader.Error(reader.Optional(m, "equals"), problem);
            return null;
        }
        return field is null || value is null || next is null
            ? null
            : new BranchRule { Field = field, EqualsValue = value, Next = next, Line = line };
    }

    private TerminalNode? ParseTerminal(NodeOutline node, YamlNode key, YamlMappingNode body)
    {
        reader.RejectUnknownKeys(body, "an action node", "action", "message");
        var action = reader.Setting(body, "action", key);
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
        var message = messageNode is null ? null : texts.Read(messageNode, "the 'message'");
        return kind is null ? null : new TerminalNode { Id = node.Id, Line = node.Line, Action = kind.Value, Message = message };
    }

    private static string UnknownField(string field) => $"unknown field '{field}' (known: {string.Join(", ", IntakeFields.All)})";

    /// <summary>Why <paramref name="value"/> cannot fill <paramref name="field"/>; null when it can.</summary>
    private string? NotAllowed(string field, string value) =>
        AllowedValues(field) is { } allowed && !allowed.Contains(value)
            ? $"value '{value}' is not allowed for field '{field}' (allowed: {string.Join(", ", allowed)})"
            : null;

    private IReadOnlyList<string>? AllowedValues(string field) =>
        field switch
        {
            IntakeFields.Need => IntakeFields.NeedValues,
            IntakeFields.Language => outline.Languages,
            IntakeFields.CallbackWindow => callbackWindows,
            _ when IntakeFields.IsYesNo(field) => IntakeFields.YesNoValues,
            _ => null,
        };

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NodeId();

    [GeneratedRegex(@"^[0-9]{1,3}$")]
    private static partial Regex Digits();
}
