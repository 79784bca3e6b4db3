using Hotline.Core.Cases;

namespace Hotline.Core.Flows;

/// <summary>
/// The channel keys a flow text may override (see flows/README.md). A text channel looks for its own key, then
/// 'text' (every written channel), then the plain language map; voice looks only for 'voice'.
/// </summary>
public static class TextChannels
{
    public const string Voice = "voice";
    public const string Text = "text";
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
    public const string Chat = "chat";

    public static IReadOnlyList<string> Keys { get; } = [Voice, Text, Sms, WhatsApp, Chat];

    /// <summary>The channels whose words are read on a screen (and may stay on a phone someone else looks at).</summary>
    public static IReadOnlyList<Channel> Written { get; } = [Channel.Sms, Channel.WhatsApp, Channel.Chat];

    public static bool IsWritten(Channel channel) => channel is Channel.Sms or Channel.WhatsApp or Channel.Chat;

    /// <summary>The override keys a channel looks at, most specific first.</summary>
    public static IReadOnlyList<string> LookupOrder(Channel channel) => channel switch
    {
        Channel.Voice => [Voice],
        Channel.Sms => [Sms, Text],
        Channel.WhatsApp => [WhatsApp, Text],
        Channel.Chat => [Chat, Text],
        _ => [],
    };
}
