using Hotline.Core.Public;

namespace Hotline.Web.Public;

/// <summary>
/// What every public page's layout needs (Views/Shared/_PublicLayout.cshtml): the visitor's language and its
/// texts, the quick exit, and links to the same page in the other languages. /tip and /chat share it.
/// </summary>
public sealed record PublicChrome(PublicTexts Texts, string Language, Uri QuickExitUrl, string Path)
{
    public string T(string key, IReadOnlyDictionary<string, string>? values = null) => Texts.Get(key, Language, values);

    /// <summary>Each other language, named in itself, linking to this page in it.</summary>
    public IEnumerable<(string Language, string Name, string Href)> OtherLanguages =>
        Texts.Languages.Where(l => l != Language)
            .Select(l => (l, Texts.Get(PublicTextKeys.LanguageName, l), $"{Path}?lang={Uri.EscapeDataString(l)}"));
}

/// <summary>A page drawn in the public layout.</summary>
public interface IPublicPage
{
    PublicChrome Chrome { get; }
    string Title { get; }
}
