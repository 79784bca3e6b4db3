using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Pathway;

/// <summary>
/// Reads the YamlDotNet representation model (not the deserializer) because only the model keeps
/// each node's line, and every error must say file:line. Collects errors instead of throwing, so a
/// file reports all its problems at once.
/// </summary>
internal sealed class YamlFileReader(string fileName)
{
    private readonly List<PathwayValidationError> _errors = [];

    public IReadOnlyList<PathwayValidationError> Errors => _errors;

    public string FileName { get; } = fileName;

    public void Error(YamlNode? node, string reason) =>
        _errors.Add(new PathwayValidationError(FileName, node is null ? 1 : (int)node.Start.Line, reason));

    public void ThrowIfErrors()
    {
        if (_errors.Count > 0)
        {
            throw new PathwayValidationException(_errors.ToList());
        }
    }

    /// <summary>The root mapping, or null (with an error) for malformed or empty YAML.</summary>
    public YamlMappingNode? ParseRoot(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            _errors.Add(new PathwayValidationError(FileName, (int)ex.Start.Line, $"malformed YAML: {ex.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _errors.Add(new PathwayValidationError(FileName, 1, "expected a mapping at the top of the file"));
            return null;
        }

        return root;
    }

    public YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public YamlNode? Required(YamlMappingNode map, string key)
    {
        var node = Optional(map, key);
        if (node is null)
        {
            Error(map, $"missing '{key}'");
        }

        return node;
    }

    /// <summary>Unknown keys are errors: a misspelt key would otherwise silently fall back to a default.</summary>
    public void RejectUnknownKeys(YamlMappingNode map, params string[] known)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                Error(key, $"unknown key '{name}' (expected one of: {string.Join(", ", known)})");
            }
        }
    }

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

        Error(node, $"{what} must be a non-empty text value");
        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string what)
    {
        if (node is null or YamlSequenceNode)
        {
            return node as YamlSequenceNode;
        }

        Error(node, $"{what} must be a list");
        return null;
    }

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is null or YamlMappingNode)
        {
            return node as YamlMappingNode;
        }

        Error(node, $"{what} must be a mapping");
        return null;
    }

    public bool? Bool(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(node, $"{what} must be true or false, got '{text}'");
        return null;
    }

    public int? Int(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(node, $"{what} must be a whole number, got '{text}'");
        return null;
    }

    /// <summary>Durations read as a number and a unit: 30s, 15m, 1h, 2d. Must be greater than zero.</summary>
    public TimeSpan? Duration(YamlNode? node, string what)
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith('-'))
        {
            Error(node, $"{what} must not be negative, got '{text}'");
            return null;
        }

        var unit = text[^1];
        if (text.Length >= 2
            && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount > 0)
        {
            TimeSpan? span = unit switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is not null)
            {
                return span;
            }
        }

        Error(node, $"{what} must be a positive duration such as 15m, 1h or 2d, got '{text}'");
        return null;
    }

    /// <summary>Enum values are written snake_case in YAML (child_protection) and matched to PascalCase names.</summary>
    public TEnum? Enum<TEnum>(YamlNode? node, string what)
        where TEnum : struct, Enum
    {
        var text = Text(node, what);
        if (text is null)
        {
            return null;
        }

        var wanted = text.Replace("_", "", StringComparison.Ordinal);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        Error(node, $"unknown {what} '{text}' (known: {string.Join(", ", System.Enum.GetValues<TEnum>().Select(SnakeCase))})");
        return null;
    }

    public static string SnakeCase<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
