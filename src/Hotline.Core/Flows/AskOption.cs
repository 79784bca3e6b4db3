namespace Hotline.Core.Flows;

/// <summary>One answer to a question: the key to press (or text back), the value recorded, where it leads.</summary>
public sealed class AskOption
{
    public required string Key { get; init; }
    public required string Value { get; init; }

    /// <summary>Set when choosing this option switches the caller's language.</summary>
    public string? Language { get; init; }

    public required FlowText Label { get; init; }

    /// <summary>Words or phrases per language recognised in speech or SMS text (the labels count too).</summary>
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
            // A label shown in a written menu ("1 - Yes") is understood when texted back, whichever version showed it.
            var labels = Label.Overrides.Values.Prepend(Label).Select(m => m.TryGetValue(language, out var l) ? l : null).OfType<string>();
            var words = (Keywords.TryGetValue(language, out var k) ? k : []).Concat(labels.Distinct(StringComparer.Ordinal));
            result[language] = words.Select(TextMatching.Normalize).ToArray();
        }
        return result;
    }
}
