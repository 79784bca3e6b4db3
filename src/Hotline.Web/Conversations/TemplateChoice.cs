namespace Hotline.Web.Conversations;

/// <summary>
/// The WhatsApp template for a conversation: the one configured for its language, else the flow's default
/// language's. <see cref="Preview"/> is what the transcript shows (the template's own words are at Twilio).
/// </summary>
public sealed record TemplateChoice(string ContentSid, string Preview)
{
    public static TemplateChoice? For(
        string language, string defaultLanguage, IReadOnlyDictionary<string, string> templates,
        IReadOnlyDictionary<string, string> previews)
    {
        var chosen = templates.ContainsKey(language) ? language : defaultLanguage;
        if (!templates.TryGetValue(chosen, out var sid)) return null;
        return new TemplateChoice(sid, previews.TryGetValue(chosen, out var preview) ? preview : "[template: check-in]");
    }
}
