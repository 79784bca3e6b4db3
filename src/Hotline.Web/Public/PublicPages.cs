using Hotline.Core.Public;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Public;

/// <summary>The public pages' texts and settings, and the chrome of a page for one request.</summary>
public sealed class PublicPages(PublicTexts texts, HotlineSettings settings)
{
    public PublicTexts Texts => texts;

    public string LanguageOf(HttpRequest request, string? chosen) => PublicLanguage.Choose(texts.Flow, chosen, request);

    public PublicChrome Chrome(string language, string path) => new(texts, language, settings.QuickExitUrl, path);
}
