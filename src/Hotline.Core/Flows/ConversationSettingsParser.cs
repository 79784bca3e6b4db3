using System.Text.RegularExpressions;
using Hotline.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Hotline.Core.Flows;

/// <summary>
/// Reads what written conversations need from a flow file: the advocate's 'quick_replies:' and the hotline naming
/// rule ('texts_may_name_hotline:', 'hotline_names:'). Kept apart from <see cref="FlowParser"/> so each stays short.
/// </summary>
internal sealed partial class ConversationSettingsParser(YamlFileReader reader, FlowTexts texts)
{
    public List<QuickReply> QuickReplies(YamlMappingNode root)
    {
        var result = new List<QuickReply>();
        var list = reader.Sequence(reader.Optional(root, "quick_replies"), "'quick_replies'");
        foreach (var item in list?.Children ?? [])
        {
            if (item is not YamlMappingNode entry)
            {
                reader.Error(item, "a quick reply must be a set of settings (id:, label:, text:)");
                continue;
            }
            reader.RejectUnknownKeys(entry, "a quick reply", "id", "label", "text");
            var id = reader.Setting(entry, "id");
            if (id is not null && !SnakeCase().IsMatch(id))
            {
                reader.Error(reader.Optional(entry, "id"), $"quick reply id '{id}' must be snake_case (such as safety_check)");
                id = null;
            }
            else if (id is not null && result.Any(q => q.Id == id))
            {
                reader.Error(reader.Optional(entry, "id"), $"quick reply id '{id}' is used twice");
                id = null;
            }
            reader.Where = $"quick reply '{id ?? "?"}'";
            var label = texts.Read(reader.Required(entry, "label"), "its 'label'");
            var text = texts.Read(reader.Required(entry, "text"), "its 'text'");
            reader.Where = null;
            if (id is not null && label is not null && text is not null)
                result.Add(new QuickReply(id, label, text) { Line = YamlFileReader.LineOf(entry) });
        }
        return result;
    }

    public bool TextsMayNameHotline(YamlMappingNode root) =>
        reader.Bool(reader.Optional(root, "texts_may_name_hotline"), "'texts_may_name_hotline'") ?? false;

    public List<string> HotlineNames(YamlMappingNode root)
    {
        var list = reader.Sequence(reader.Optional(root, "hotline_names"), "'hotline_names'");
        var names = new List<string>();
        foreach (var item in list?.Children ?? [])
        {
            var name = reader.Text(item, "a hotline name");
            if (name is not null && TextMatching.Normalize(name).Length == 0)
                reader.Error(item, $"hotline name '{name}' has no letters or digits to look for");
            else if (name is not null)
                names.Add(name);
        }
        return names;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex SnakeCase();
}
