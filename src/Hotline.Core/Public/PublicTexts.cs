using Hotline.Core.Cases;
using Hotline.Core.Flows;

namespace Hotline.Core.Public;

/// <summary>
/// The words of the public pages (/tip, and /chat after it) in every language of the flow, read from
/// flows/public-pages.yaml by <see cref="PublicTextsLoader"/>. {emergency} and {backupLine} are the flow's, as in
/// every other text, so a deployment that overrides its emergency number shows the same one here.
/// </summary>
public sealed class PublicTexts
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _texts;

    internal PublicTexts(Flow flow, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> texts)
    {
        Flow = flow;
        _texts = texts;
    }

    public Flow Flow { get; }

    /// <summary>The flow's languages: the loader made sure each one has every text.</summary>
    public IReadOnlyList<string> Languages => Flow.Languages;

    public string Get(string key, string language, IReadOnlyDictionary<string, string>? values = null) =>
        _texts.TryGetValue(key, out var texts)
            ? Flow.Render(texts, Flow.LanguageOrDefault(language), Channel.Web, values)
            : throw new KeyNotFoundException($"The public pages have no text '{key}'.");
}
