namespace Hotline.Core.Flows;

/// <summary>
/// A text given per language, with the line of each key, for the translation checks. <paramref name="Where"/> is
/// the node it belongs to ("node 'x'"), null for the flow's messages. <see cref="ChannelsAllowed"/>: the plain map,
/// where channel keys (text:, sms:, ...) may stand beside the languages; an override holds languages only.
/// </summary>
internal sealed record TranslatedText(string? Where, string What, int Line, IReadOnlyDictionary<string, int> LanguageLines)
{
    public bool ChannelsAllowed { get; init; }
}
