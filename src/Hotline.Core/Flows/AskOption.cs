namespace Hotline.Core.Flows;

/// <summary>One answer to a question: the key to press (or text back), the value recorded, where it leads.</summary>
public sealed class AskOption
{
    public required string Key { get; init; }
    public required string Value { get; init; }

    /// <summary>Set when choosing this option switches the caller's language.</summary>
    public string? Language { get; init; }

    public required IReadOnlyDictionary<string, string> Label { get; init; }

    /// <summary>Words or phrases per language recognised in speech or SMS text (the label counts too).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords { get; init; }

    public required string Next { get; init; }
    public required int Line { get; init; }

    private IReadOnlyDictionary<string, IReadOnlyList<string>>? phrases;

    /// <summary>
    /// Per language, the keywords then the label, normalized for <see cref="TextMatching.LongestMatch"/>. Worked out
    /// on first use and kept: options are immutable and shared by every call (a race only computes it twice).
    /// </summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases => phrases ??= NormalizedPhrases();

    private Dictionary<string, IReadOnlyList<string>> NormalizedPhrases()
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var language in Keywords.Keys.Union(Label.Keys, StringComparer.Ordinal))
        {
            var words = (Keywords.TryGetValue(language, out var k) ? k : [])
                .Concat(Label.TryGetValue(language, out var label) ? [label] : []);
            result[language] = words.Select(TextMatching.Normalize).ToArray();
        }
        return result;
    }
}
