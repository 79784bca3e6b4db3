using Hotline.Core.Flows;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Public;

/// <summary>
/// Reads flows/public-pages.yaml with the one YAML reader: `texts:`, each key a map of language -> text. Every
/// key of <see cref="PublicTextKeys.All"/> must be there in every language of the flow the service runs; keys
/// the code does not know are refused too (a misspelt key would leave its page with the default wording).
/// </summary>
public static class PublicTextsLoader
{
    public static PublicTexts LoadFile(string path, Flow flow) => Load(File.ReadAllText(path), Path.GetFileName(path), flow);

    public static PublicTexts Load(string yaml, string fileName, Flow flow)
    {
        var reader = new YamlFileReader(fileName);
        var texts = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var root = reader.ParseRoot(yaml, "public page texts ('texts:')");
        if (root is not null)
        {
            reader.RejectUnknownKeys(root, null, "texts");
            var map = reader.Mapping(reader.Required(root, "texts"), "'texts'");
            foreach (var (keyNode, value) in map?.Children.AsEnumerable() ?? [])
            {
                var key = YamlFileReader.Scalar(keyNode);
                reader.Where = $"text '{key}'";
                if (!PublicTextKeys.All.Contains(key, StringComparer.Ordinal))
                {
                    reader.Error(keyNode, $"unknown text '{key}' (the public pages use: {string.Join(", ", PublicTextKeys.All)})");
                    continue;
                }
                texts[key] = ReadLanguages(reader, value, flow);
            }
            reader.Where = null;
            foreach (var missing in PublicTextKeys.All.Where(k => !texts.ContainsKey(k)))
            {
                reader.Error(map ?? (YamlNode)root, $"missing text '{missing}'");
            }
        }
        reader.ThrowIfErrors(errors => new YamlFileException(errors));
        return new PublicTexts(flow, texts);
    }

    private static Dictionary<string, string> ReadLanguages(YamlFileReader reader, YamlNode node, Flow flow)
    {
        var byLanguage = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = reader.Mapping(node, "a text");
        if (map is null) return byLanguage;
        foreach (var (language, text) in map.Children)
        {
            if (reader.Text(text, $"'{YamlFileReader.Scalar(language)}'") is { } value) byLanguage[YamlFileReader.Scalar(language)] = value;
        }
        foreach (var language in flow.Languages.Where(l => !byLanguage.ContainsKey(l)))
        {
            reader.Error(map, $"no '{language}' text (flow '{flow.Id}' speaks {string.Join(", ", flow.Languages)})");
        }
        return byLanguage;
    }
}
