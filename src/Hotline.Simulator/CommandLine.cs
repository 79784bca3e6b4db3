namespace Hotline.Simulator;

/// <summary>A verb and its --name value options (a flag without a value reads as "true").</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options = new(StringComparer.OrdinalIgnoreCase);
    public string Verb { get; }

    public CommandLine(string[] args)
    {
        Verb = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "";
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var name = args[i][2..];
            var eq = name.IndexOf('=');
            if (eq >= 0) _options[name[..eq]] = name[(eq + 1)..];
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) _options[name] = args[++i];
            else _options[name] = "true";
        }
    }

    public string? this[string name] => _options.TryGetValue(name, out var v) ? v : null;
    public bool Has(string name) => _options.ContainsKey(name);

    public int? Int(string name) =>
        this[name] is { } v ? int.TryParse(v, out var n) ? n : throw new ArgumentException($"--{name} must be a whole number, got '{v}'")
            : null;

    public static IReadOnlyList<string>? List(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.TrimEntries);
}
