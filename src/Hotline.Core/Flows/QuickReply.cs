using Hotline.Core.Cases;

namespace Hotline.Core.Flows;

/// <summary>
/// A ready text an advocate can send in a written conversation ('quick_replies:' in the flow file): a short
/// <see cref="Label"/> for the button and the full <see cref="Text"/>, both per language with placeholders filled.
/// </summary>
public sealed record QuickReply(string Id, FlowText Labels, FlowText Texts)
{
    /// <summary>The flow it belongs to, which fills {emergency} and {backupLine}; set by <see cref="Flow.QuickReplies"/>.</summary>
    internal Flow Flow { get; init; } = null!;

    internal int Line { get; init; }

    public string Label(string language, Channel channel = Channel.Sms) => Flow.Render(Labels, language, channel);

    public string Text(string language, Channel channel = Channel.Sms, IReadOnlyDictionary<string, string>? values = null) =>
        Flow.Render(Texts, language, channel, values);
}
