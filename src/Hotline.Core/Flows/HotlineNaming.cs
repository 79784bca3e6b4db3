using Hotline.Core.Yaml;

namespace Hotline.Core.Flows;

/// <summary>
/// The rule that written texts do not name the hotline: a text stays on the phone, and whoever watches that phone
/// learns who the victim talked to. Words that name it are the flow's 'hotline_names', matched ignoring case and
/// accents anywhere in the text ("Anti-Trafficking" holds "trafficking"). A flow may allow naming with
/// 'texts_may_name_hotline: true'.
/// </summary>
public static class HotlineNaming
{
    /// <summary>
    /// The hotline name found in a text about to be sent on a written channel (an advocate's reply), or null when the
    /// flow allows naming the hotline or the text names none.
    /// </summary>
    public static string? FindName(Flow flow, string body)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return flow.TextsMayNameHotline ? null : Find(flow.HotlineNames, body);
    }

    /// <summary>
    /// The hotline name in words a callback would leave on an answering machine: checked whatever the flow allows for
    /// texts, because a voicemail is heard by whoever holds the phone.
    /// </summary>
    public static string? FindNameInVoicemail(Flow flow, string body)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return Find(flow.HotlineNames, body);
    }

    /// <summary>The callback voicemail (<see cref="MessageKeys.CallbackVoicemail"/>) naming the hotline in any language.</summary>
    internal static IEnumerable<YamlFileError> CheckCallbackVoicemail(Flow flow)
    {
        if (!flow.Messages.TryGetValue(MessageKeys.CallbackVoicemail, out var text))
            yield break;
        foreach (var (language, body) in text.For(Cases.Channel.Voice))
        {
            if (Find(flow.HotlineNames, body) is not { } name)
                continue;
            var line = text.Lines.TryGetValue(language, out var l) ? l : 1;
            yield return new YamlFileError(flow.SourceFile, line, null,
                $"the {language} text of message '{MessageKeys.CallbackVoicemail}' names the hotline ('{name}'): it is left on a "
                + "caller's answering machine, where anyone holding the phone hears it; it must never say who we are");
        }
    }

    private static string? Find(IReadOnlyList<string> names, string body)
    {
        var text = TextMatching.Normalize(body);
        return names.FirstOrDefault(n => text.Contains(TextMatching.Normalize(n), StringComparison.Ordinal));
    }

    /// <summary>
    /// Every text of the flow as a written channel would send it (node texts, option labels, messages, quick
    /// replies) that names the hotline, one error per line, when the flow does not allow it.
    /// </summary>
    internal static IEnumerable<YamlFileError> Check(Flow flow)
    {
        if (flow.TextsMayNameHotline || flow.HotlineNames.Count == 0)
            return [];
        var errors = new Dictionary<int, YamlFileError>();
        foreach (var (where, what, text) in WrittenTexts(flow))
        {
            foreach (var channel in TextChannels.Written)
            {
                var key = text.KeyFor(channel);
                foreach (var (language, body) in text.For(channel))
                {
                    if (Find(flow.HotlineNames, body) is not { } name)
                        continue;
                    var line = text.Lines.TryGetValue(key.Length == 0 ? language : $"{key}.{language}", out var l) ? l : 1;
                    var version = key.Length == 0 ? "plain" : $"'{key}'";
                    errors.TryAdd(line, new YamlFileError(flow.SourceFile, line, where,
                        $"the {version} {language} text of {what} names the hotline ('{name}') and is sent on written channels, "
                        + "where it stays on the phone: give it a 'text:' version without it "
                        + "(or set texts_may_name_hotline: true)"));
                }
            }
        }
        return errors.Values;
    }

    private static IEnumerable<(string? Where, string What, FlowText Text)> WrittenTexts(Flow flow)
    {
        foreach (var (key, text) in flow.Messages)
            yield return (null, $"message '{key}'", text);
        foreach (var reply in flow.QuickReplyTexts)
        {
            yield return ($"quick reply '{reply.Id}'", "its 'label'", reply.Labels);
            yield return ($"quick reply '{reply.Id}'", "its 'text'", reply.Texts);
        }
        foreach (var node in flow.Nodes.Values)
        {
            var where = FlowOutline.Place(node.Id);
            switch (node)
            {
                case SayNode say:
                    yield return (where, "the 'say' text", say.Text);
                    break;
                case AskNode ask:
                    yield return (where, "the 'ask' prompt", ask.Prompt);
                    foreach (var option in ask.Options)
                        yield return (where, $"the label of option {option.Key}", option.Label);
                    break;
                case TerminalNode { Message: { } message }:
                    yield return (where, "the 'message'", message);
                    break;
            }
        }
    }
}
