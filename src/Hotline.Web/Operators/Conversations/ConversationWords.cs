using System.Globalization;
using Hotline.Core.Cases;
using Hotline.Web.Conversations;
using Hotline.Web.Data;

namespace Hotline.Web.Operators.Conversations;

/// <summary>Channels, statuses, languages and media in the words the console uses (never enum names).</summary>
public static class ConversationWords
{
    public static string Channel(Channel channel) => channel switch
    {
        Core.Cases.Channel.Sms => "Text",
        Core.Cases.Channel.WhatsApp => "WhatsApp",
        Core.Cases.Channel.Chat => "Chat",
        Core.Cases.Channel.Voice => "Call",
        Core.Cases.Channel.Console => "Console",
        Core.Cases.Channel.Web => "Web tip form",
    };

    /// <summary>"WhatsApp · Spanish": a board card's one line about the conversation.</summary>
    public static string ChannelAndLanguage(Channel channel, string language) => Channel(channel) + " · " + Language(language);

    /// <summary>What may be sent now, said before the reason the sender gives.</summary>
    public static string Rules(ReplyKind kind) => kind switch
    {
        ReplyKind.FreeText => "You can write freely.",
        ReplyKind.TemplateOnly => "Only the check-in template can be sent now.",
        ReplyKind.NotAllowed => "Nothing can be sent to them now.",
    };

    public static string Status(MessageStatus status, string? problem) => status switch
    {
        MessageStatus.Received => "received",
        MessageStatus.Sending => "sending",
        MessageStatus.Queued => "queued",
        MessageStatus.Sent => "sent",
        MessageStatus.Delivered => "delivered",
        MessageStatus.Read => "read",
        MessageStatus.Undelivered => "not delivered" + Why(problem),
        MessageStatus.Failed => "failed" + Why(problem),
    };

    private static string Why(string? problem) => string.IsNullOrWhiteSpace(problem) ? "" : ": " + problem.Trim();

    public static string State(ContactState state) => state switch
    {
        ContactState.Intake => "answering the automatic questions",
        ContactState.Queued => "waiting for an advocate",
        ContactState.WithOperator => "with an advocate",
        ContactState.Voicemail => "leaving a message",
        ContactState.Completed => "closed",
        ContactState.Abandoned => "ended before reaching an advocate",
        ContactState.Expired => "went quiet (expired)",
    };

    /// <summary>"Spanish" for "es": the language named in English, or the code when it is not a known culture.</summary>
    public static string Language(string code)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(code).EnglishName;
            return string.IsNullOrEmpty(name) || name.StartsWith("Unknown", StringComparison.Ordinal) ? code.ToUpperInvariant() : name;
        }
        catch (CultureNotFoundException)
        {
            return code.ToUpperInvariant();
        }
    }

    /// <summary>"Photo 1", "Voice note 2", "File 3": what a media link opens, said before it is opened.</summary>
    public static string Media(string contentType, int index)
    {
        var kind = contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "Photo"
            : contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? "Voice note"
            : contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? "Video"
            : "File";
        return $"{kind} {index + 1}";
    }

    /// <summary>Where a media item is fetched for signed-in staff (the service proxies it with Twilio's credentials).</summary>
    public static string MediaLink(Guid caseId, Guid messageId, int index) => $"/cases/{caseId}/messages/{messageId}/media/{index}";
}
