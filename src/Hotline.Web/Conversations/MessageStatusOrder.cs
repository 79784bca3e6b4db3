using Hotline.Web.Data;

namespace Hotline.Web.Conversations;

/// <summary>
/// The order an outbound message's status lives through, so a late or repeated status callback never undoes a
/// newer one. Ranks: Sending &lt; Queued &lt; Sent &lt; Undelivered = Failed &lt; Delivered &lt; Read.
/// <list type="bullet">
/// <item>A failure beats every "on its way" status: a late "sent" after "failed" changes nothing.</item>
/// <item>A delivery receipt beats a failure: the person has the message, and showing "failed" would have the advocate
/// send it again (a carrier's receipt can arrive after Twilio gave up waiting for it).</item>
/// <item>Failed and Undelivered do not replace each other: the first reason given stands.</item>
/// <item>Inbound rows (Received) never change.</item>
/// </list>
/// Only the sender itself moves a row back, when an advocate retries a failed message.
/// </summary>
public static class MessageStatusOrder
{
    private static int Rank(MessageStatus status) => status switch
    {
        MessageStatus.Sending => 0,
        MessageStatus.Queued => 1,
        MessageStatus.Sent => 2,
        MessageStatus.Undelivered or MessageStatus.Failed => 3,
        MessageStatus.Delivered => 4,
        MessageStatus.Read => 5,
        _ => int.MaxValue, // Received: an inbound row is what it is
    };

    /// <summary>True when <paramref name="incoming"/> is news for a row at <paramref name="current"/>.</summary>
    public static bool MovesForward(MessageStatus current, MessageStatus incoming) =>
        incoming != MessageStatus.Received && Rank(incoming) > Rank(current);

    /// <summary>Every status <paramref name="incoming"/> may replace: the condition of one atomic update, so two callbacks
    /// racing each other still leave the forward-most.</summary>
    public static IReadOnlyList<MessageStatus> Overtakes(MessageStatus incoming) =>
        Enum.GetValues<MessageStatus>().Where(current => MovesForward(current, incoming)).ToList();

    public static bool IsFailure(MessageStatus status) => status is MessageStatus.Failed or MessageStatus.Undelivered;

    /// <summary>
    /// Twilio's MessageStatus (REST answer or callback) as ours, or null for one that says nothing about delivery
    /// (receiving, received, an unknown word). Accepted, scheduled and sending are all "Twilio has it": Queued.
    /// Canceled (a scheduled message withdrawn) never reached the person: Failed.
    /// </summary>
    public static MessageStatus? FromTwilio(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "accepted" or "scheduled" or "queued" or "sending" => MessageStatus.Queued,
        "sent" => MessageStatus.Sent,
        "delivered" or "partially_delivered" => MessageStatus.Delivered,
        "read" => MessageStatus.Read,
        "undelivered" => MessageStatus.Undelivered,
        "failed" or "canceled" => MessageStatus.Failed,
        _ => null,
    };
}
