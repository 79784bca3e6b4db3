using System.Text.RegularExpressions;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Flows;

/// <summary>
/// Reads the texts of a flow (messages, prompts, labels), each given once per language, with optional overrides per
/// channel ('text:', 'sms:', 'voice:' ...), each again once per language.
/// </summary>
internal sealed partial class FlowTexts(YamlFileReader reader, FlowOutline outline)
{
    /// <summary>
    /// A text per declared language (one plain text when the flow has one language) and its channel overrides. Which
    /// languages are missing or which keys are unknown is the validator's to say; this records the lines it needs.
    /// </summary>
    public FlowText? Read(YamlNode? value, string what)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var plain = ReadMap(value, what, "", lines, channelsAllowed: true);
        if (plain is null || value is not YamlMappingNode map)
            return plain is null ? null : new FlowText(plain) { Lines = lines };
        var overrides = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var complete = true;
        foreach (var (k, v) in map.Children.Where(c => TextChannels.Keys.Contains(YamlFileReader.Scalar(c.Key))))
        {
            var channel = YamlFileReader.Scalar(k);
            var texts = ReadMap(v, $"the '{channel}' version of {what}", channel + ".", lines, channelsAllowed: false);
            complete &= texts is not null;
            if (texts is null)
                continue;
            overrides[channel] = texts;
            CheckPlaceholders(plain, texts, channel, lines, what);
        }
        return complete ? new FlowText(plain, overrides) { Lines = lines } : null;
    }

    private Dictionary<string, string>? ReadMap(
        YamlNode? value, string what, string prefix, Dictionary<string, int> lines, bool channelsAllowed)
    {
        if (value is null)
            return null;
        if (value is YamlScalarNode single && outline.Languages.Count == 1 && !string.IsNullOrWhiteSpace(single.Value))
        {
            var line = YamlFileReader.LineOf(value);
            lines[prefix + outline.Languages[0]] = line;
            outline.Texts.Add(new TranslatedText(reader.Where, what, line, new Dictionary<string, int> { [outline.Languages[0]] = line }));
            return new Dictionary<string, string>(StringComparer.Ordinal) { [outline.Languages[0]] = single.Value.Trim() };
        }
        if (value is not YamlMappingNode map)
        {
            reader.Error(value, $"{what} must give one text per language ({string.Join(": ..., ", outline.Languages)}: ...)");
            return null;
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var languageLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = YamlFileReader.Scalar(k);
            if (channelsAllowed && TextChannels.Keys.Contains(key))
                continue; // an override, read by the caller
            languageLines[key] = YamlFileReader.LineOf(k);
            if (v is not YamlScalarNode { Value: { } t } || string.IsNullOrWhiteSpace(t))
            {
                reader.Error(v, $"the '{key}' text of {what} must be non-empty text");
            }
            else if (outline.Languages.Contains(key))
            {
                texts[key] = t.Trim();
                lines[prefix + key] = YamlFileReader.LineOf(v);
            }
        }
        outline.Texts.Add(new TranslatedText(reader.Where, what, YamlFileReader.LineOf(value), languageLines)
        {
            ChannelsAllowed = channelsAllowed,
        });
        return texts.Count == outline.Languages.Count ? texts : null;
    }

    /// <summary>
    /// The code fills the same values whatever the channel, so an override must use exactly the placeholders of the
    /// plain text in the same language: one it adds would be sent unfilled, one it drops loses what the caller needs.
    /// </summary>
    private void CheckPlaceholders(
        Dictionary<string, string> plain, Dictionary<string, string> channelTexts, string channel,
        Dictionary<string, int> lines, string what)
    {
        foreach (var (language, text) in channelTexts)
        {
            var expected = Placeholders(plain[language]);
            var found = Placeholders(text);
            if (expected.SetEquals(found))
                continue;
            var missing = string.Join(", ", expected.Except(found));
            var extra = string.Join(", ", found.Except(expected));
            reader.Error(lines[channel + "." + language], reader.Where, $"the '{channel}' {language} text of {what} must use the same "
                + $"placeholders as the plain {language} text" + (missing.Length > 0 ? $"; missing {missing}" : "")
                + (extra.Length > 0 ? $"; not in the plain text: {extra}" : ""));
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex Placeholder();
}
