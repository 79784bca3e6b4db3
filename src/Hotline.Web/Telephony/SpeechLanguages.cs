namespace Hotline.Web.Telephony;

/// <summary>Twilio voice/speech-recognition language tags for the flow's short language codes.</summary>
public static class SpeechLanguages
{
    private static readonly Dictionary<string, string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en-US", ["es"] = "es-US", ["pl"] = "pl-PL", ["ro"] = "ro-RO", ["fr"] = "fr-FR",
        ["pt"] = "pt-BR", ["uk"] = "uk-UA", ["ru"] = "ru-RU", ["vi"] = "vi-VN", ["zh"] = "zh-CN",
    };

    public static string TagFor(string language) => Tags.TryGetValue(language, out var tag) ? tag : language;
}
