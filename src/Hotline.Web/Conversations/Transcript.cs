using Hotline.Web.Data;

namespace Hotline.Web.Conversations;

/// <summary>The transcript rows a conversation writes: one way to make each kind, whatever the channel.</summary>
public static class Transcript
{
    /// <summary>What the person sent, as received.</summary>
    public static ConversationMessage FromTexter(InboundText text, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), Channel = text.Channel, Direction = MessageDirection.Inbound, Author = MessageAuthor.Texter,
        MessageSid = text.MessageSid, Body = text.Body, MediaJson = text.MediaJson, Status = MessageStatus.Received,
        At = now,
    };

    /// <summary>The flow's own answer (menus, the emergency message), sent back in Twilio's reply.</summary>
    public static ConversationMessage Automatic(Contact conversation, string body, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(), CaseId = conversation.CaseId, ContactId = conversation.Id, Channel = conversation.Channel,
        Direction = MessageDirection.Outbound, Author = MessageAuthor.Automatic, Body = body, Status = MessageStatus.Sending,
        At = now, StatusAt = now,
    };
}
