using System.Text.Json;
using Hotline.Core.Public;

namespace Hotline.Web.Public.Chat;

/// <summary>The chat page: the public layout's chrome, the flow's languages and the safe times to be contacted.</summary>
public sealed record ChatPageModel(PublicChrome Chrome, IReadOnlyList<ChatLanguage> Languages, IReadOnlyList<string> SafeTimes)
    : IPublicPage
{
    // The layout's words the script switches too when the visitor picks another language on the page.
    private static readonly string[] _layoutKeys =
        [PublicTextKeys.QuickExit, PublicTextKeys.QuickExitHint, PublicTextKeys.Emergency, PublicTextKeys.ClearHistory];

    public string Title => Chrome.T("chat_title");

    public string T(string key) => Chrome.T(key);

    /// <summary>
    /// The chat's words in every language of the flow, as JSON for wwwroot/js/chat.js (a data- attribute: the strict
    /// CSP allows no inline script).
    /// </summary>
    public string WordsJson() =>
        JsonSerializer.Serialize(Chrome.Texts.Languages.ToDictionary(
            language => language,
            language => _layoutKeys.Concat(PublicTextKeys.Chat).ToDictionary(key => key, key => Chrome.Texts.Get(key, language))));
}
