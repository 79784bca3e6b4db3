using System.Text;
using Hotline.Core.Flows;

namespace Hotline.Web.Conversations;

/// <summary>
/// Renders the engine's reply as one text message on any text channel (SMS, WhatsApp, web chat): messages, then
/// the question as a numbered menu.
/// </summary>
public static class TextMenus
{
    public static string Render(IntakeReply reply, string? prefix = null)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(prefix)) text.Append(prefix).Append("\n\n");
        foreach (var message in reply.Messages) text.Append(message).Append("\n\n");
        if (reply.Prompt is { } prompt)
        {
            text.Append(prompt.Text);
            foreach (var option in prompt.Options) text.Append('\n').Append(option.Key).Append(" - ").Append(option.Label);
        }
        return text.ToString().TrimEnd();
    }
}
