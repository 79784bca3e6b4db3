using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Yaml;

/// <summary>
/// The one reader of the YAML files under flows/ (flows, pathway rules, the agency directory). It reads
/// YamlDotNet's representation model, not the deserializer, because only the model keeps each node's line, and
/// every error must say file:line. It collects errors instead of throwing, so a file reports all its problems at
/// once; the loader throws them together with <see cref="ThrowIfErrors"/>.
/// </summary>
internal sealed partial class YamlFileReader(string fileName)
{
    private readonly List<YamlFileError> errors = [];

    public string FileName { get; } = fileName;

    public IReadOnlyList<YamlFileError> Errors => errors;

    /// <summary>The part of the file being read (such as "node 'x'"), named by every error; null at the top level.</summary>
    public string? Where { get; set; }

    public static int LineOf(YamlNode node) => Math.Max(1, (int)node.Start.Line);

    public void Error(YamlNode? at, string reason) => Error(at is null ? 1 : LineOf(at), Where, reason);

    public void Error(int line, string? where, string reason) => errors.Add(new YamlFileError(FileName, line, where, reason));

    /// <summary>Throws every error so far, in line order, as the exception the caller's kind of file uses.</summary>
    public void ThrowIfErrors(Func<IReadOnlyList<YamlFileError>, YamlFileException> exception)
    {
        if (errors.Count > 0)
        {
            throw exception(errors.OrderBy(e => e.Line).ToList());
        }
    }

    /// <summary>
    /// The root mapping, or null (with an error) for malformed YAML, an empty file, a root that is not a mapping,
    /// or a second document: a file is one document, and a second one would otherwise be silently ignored.
    /// </summary>
    public YamlMappingNode? ParseRoot(string yaml, string expected)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the line is reported separately.
            Error(Math.Max(1, (int)ex.Start.Line), null, "malformed YAML: " + PositionPrefix().Replace(ex.Message, "").Trim());
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(LineOf(stream.Documents[1].RootNode), null, $"a second YAML document: the file must be one document of {expected}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(stream.Documents.Count == 0 ? 1 : LineOf(stream.Documents[0].RootNode), null,
                $"the file must be one YAML document of {expected}");
            return null;
        }

        return root;
    }

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>The value of a required setting; when missing, the error points at <paramref name="anchor"/> (default: the map).</summary>
    public YamlNode? Required(YamlMappingNode map, string key, YamlNode? anchor = null)
    {
        var node = Optional(map, key);
        if (node is null)
        {
            Error(anchor ?? map, $"missing '{key}'");
        }

        return node;
    }

    /// <summary>The text of a required setting; errors name the key ('start' must be ...).</summary>
    public string? Setting(YamlMappingNode map, string key, YamlNode? anchor = null) =>
        Text(Required(map, key, anchor), $"'{key}'");

    public string? OptionalSetting(YamlMappingNode map, string key) => Text(Optional(map, key), $"'{key}'");

    /// <summary>Unknown keys are errors: a misspelt key would otherwise silently fall back to a default.</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string? context, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                var where = context is null ? "" : $" in {context}";
                Error(key, $"unknown setting '{name}'{where} (expected one of: {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>The text of a scalar, or "" for anything else (for messages and keys).</summary>
    public static string Scalar(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : "";

    public string? Text(YamlNode? node, string what)
    {
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        Error(node, $"{what} must be a single text value, not {Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string what)
    {
        if (node is null or YamlSequenceNode)
        {
            return node as YamlSequenceNode;
        }

        Error(node, $"{what} must be a list, not {Describe(node)}");
        return null;
    }

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is null or YamlMappingNode)
        {
            return node as YamlMappingNode;
        }

        Error(node, $"{what} must be a set of 'name: value' settings, not {Describe(node)}");
        return null;
    }

    public bool? Bool(YamlNode? node, string what) =>
        Checked(node, what, t => bool.TryParse(t, out _), t => $"{what} must be true or false, not '{t}'") is { } text
            ? bool.Parse(text)
            : null;

    public int? Int(YamlNode? node, string what, int? min = null)
    {
        var atLeast = min is null ? "" : $" of at least {min}";
        return Checked(node, what, t => WholeNumber(t) is { } n && (min is null || n >= min),
            t => $"{what} must be a whole number{atLeast}, not '{t}'") is { } text
            ? WholeNumber(text)
            : null;
    }

    /// <summary>Durations read as a number and a unit: 30s, 15m, 1h, 2d. Must be greater than zero.</summary>
    public TimeSpan? Duration(YamlNode? node, string what) =>
        Checked(node, what, t => PositiveDuration(t) is not null, t => t.StartsWith('-')
            ? $"{what} must not be negative, not '{t}'"
            : $"{what} must be a positive duration such as 15m, 1h or 2d, not '{t}'") is { } text
            ? PositiveDuration(text)
            : null;

    /// <summary>An IANA time zone id; flows and agencies both name the zone their hours are in.</summary>
    public TimeZoneInfo? TimeZone(YamlNode? node, string what) =>
        Checked(node, what, t => TimeZoneInfo.TryFindSystemTimeZoneById(t, out _),
            t => $"unknown time zone '{t}' (use an IANA id such as America/Chicago)") is { } text
            ? TimeZoneInfo.FindSystemTimeZoneById(text)
            : null;

    /// <summary>Enum values are written snake_case in YAML (child_protection) and matched to PascalCase names.</summary>
    public TEnum? Enum<TEnum>(YamlNode? node, string what)
        where TEnum : struct, Enum =>
        Checked(node, what, t => EnumValue<TEnum>(t) is not null,
            t => $"unknown {what} '{t}' (known: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(SnakeCase))})") is { } text
            ? EnumValue<TEnum>(text)
            : null;

    public static string SnakeCase<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>
    /// The text of a scalar that <paramref name="valid"/> accepts; otherwise null, with the error <paramref name="problem"/>
    /// words. Every typed read goes through here, so each reports a wrong value the same way.
    /// </summary>
    private string? Checked(YamlNode? node, string what, Func<string, bool> valid, Func<string, string> problem)
    {
        var text = Text(node, what);
        if (text is null || valid(text))
        {
            return text;
        }

        Error(node, problem(text));
        return null;
    }

    private static int? WholeNumber(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? PositiveDuration(string text)
    {
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        return text[^1] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount),
            _ => null,
        };
    }

    private static TEnum? EnumValue<TEnum>(string text)
        where TEnum : struct, Enum
    {
        var wanted = text.Replace("_", "", StringComparison.Ordinal);
        return System.Enum.GetValues<TEnum>().Cast<TEnum?>()
            .FirstOrDefault(v => string.Equals(v.ToString(), wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a set of settings",
        YamlSequenceNode => "a list",
        YamlScalarNode { Value: var v } when string.IsNullOrWhiteSpace(v) => "an empty value",
        _ => $"'{Scalar(node)}'",
    };

    [GeneratedRegex(@"^\(Line:[^)]*\)\s*-\s*\(Line:[^)]*\):\s*")]
    private static partial Regex PositionPrefix();
}
