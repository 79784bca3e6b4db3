using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Flows;

/// <summary>Reads the texts of a flow (messages, prompts, labels), each given once per language.</summary>
internal sealed class FlowTexts(YamlFileReader reader, FlowOutline outline)
{
    /// <summary>
    /// A text per declared language (one plain text when the flow has one language). Which languages are missing or
    /// unknown is the validator's to say; this records the lines it needs.
    /// </summary>
    public Dictionary<string, string>? Read(YamlNode? value, string what)
    {
        if (value is null)
            return null;
        if (value is YamlScalarNode single && outline.Languages.Count == 1 && !string.IsNullOrWhiteSpace(single.Value))
        {
            var line = YamlFileReader.LineOf(value);
            outline.Texts.Add(new TranslatedText(reader.Where, what, line, new Dictionary<string, int> { [outline.Languages[0]] = line }));
            return new Dictionary<string, string>(StringComparer.Ordinal) { [outline.Languages[0]] = single.Value.Trim() };
        }
        if (value is not YamlMappingNode map)
        {
            reader.Error(value, $"{what} must give one text per language ({string.Join(": ..., ", outline.Languages)}: ...)");
            return null;
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var language = YamlFileReader.Scalar(k);
            if (v is not YamlScalarNode { Value: { } t } || string.IsNullOrWhiteSpace(t))
                reader.Error(v, $"the '{language}' text of {what} must be non-empty text");
            else if (outline.Languages.Contains(language))
                texts[language] = t.Trim();
        }
        outline.Texts.Add(new TranslatedText(reader.Where, what, YamlFileReader.LineOf(value),
            map.Children.Keys.ToDictionary(YamlFileReader.Scalar, YamlFileReader.LineOf, StringComparer.Ordinal)));
        return texts.Count == outline.Languages.Count ? texts : null;
    }
}
