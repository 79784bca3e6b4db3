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
}
