namespace Hotline.Web.Conversations;

/// <summary>Where Twilio reports the delivery of a message we sent, naming its transcript row.</summary>
public static class MessageRoutes
{
    public const string Status = "/twilio/messages/status";

    /// <summary>The status callback of one transcript row (relative: Twilio resolves it against the webhook's URL).</summary>
    public static string StatusOf(Guid messageId) => $"{Status}?m={messageId:N}";
}
