namespace Hotline.Core.Flows;

/// <summary>
/// A text given per language, with the line of each language, for the translation checks. <paramref name="Where"/> is
/// the node it belongs to ("node 'x'"), null for the flow's messages.
/// </summary>
internal sealed record TranslatedText(string? Where, string What, int Line, IReadOnlyDictionary<string, int> LanguageLines);
