using Hotline.Core.Cases;

namespace Hotline.Web.Data;

/// <summary>
/// One message of a text conversation (SMS, WhatsApp, web chat), in or out: the transcript is these rows, one
/// insert each, so nothing a texter sends is lost to a rewrite of a shared string. Inbound rows are written in
/// the same statement as the intake step they cause (<see cref="ContactStore"/>).
/// </summary>
public class ConversationMessage
{
    /// <summary>Made by the service (not the database), so a reply's status callback can name its row before Twilio gives a SID.</summary>
    public Guid Id { get; set; }
    /// <summary>The order of the transcript: given by the database at insert, so concurrent texts keep their arrival order.</summary>
    public long Sequence { get; set; }
    public Guid CaseId { get; set; }
    public Guid ContactId { get; set; }
    public Channel Channel { get; set; }
    public MessageDirection Direction { get; set; }
    public MessageAuthor Author { get; set; }
    /// <summary>Twilio's MessageSid (or the web chat's message id). Unique: a retried webhook adds nothing.</summary>
    public string? MessageSid { get; set; }
    /// <summary>Encrypted at rest, like every other personal text.</summary>
    public string? Body { get; set; }
    /// <summary>
    /// Photos and voice notes as references (JSON list of Twilio media URLs and content types): fetched by the
    /// service with the account's credentials for signed-in staff only, never linked publicly.
    /// </summary>
    public string? MediaJson { get; set; }
    public MessageStatus Status { get; set; }
    /// <summary>Twilio's error code of a failed delivery (e.g. 21610: the person texted STOP).</summary>
    public string? ErrorCode { get; set; }
    /// <summary>Why it failed, in plain words for the advocate.</summary>
    public string? Problem { get; set; }
    /// <summary>The advocate who wrote it (user id); null for texters and automatic messages.</summary>
    public string? AuthorUserId { get; set; }
    /// <summary>A WhatsApp template (content SID) sent instead of free text outside the 24-hour window.</summary>
    public string? TemplateSid { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? StatusAt { get; set; }
}

public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>Who wrote a message: the advocate's page tells the three apart.</summary>
public enum MessageAuthor
{
    Texter,
    Advocate,
    /// <summary>The flow's own texts: menus, the emergency message, closing and expiry messages.</summary>
    Automatic,
}

/// <summary>Where a message stands. Outbound statuses follow Twilio's; they only move forward.</summary>
public enum MessageStatus
{
    /// <summary>An inbound message, stored.</summary>
    Received,
    /// <summary>Written here, not yet accepted by Twilio.</summary>
    Sending,
    Queued,
    Sent,
    Delivered,
    Read,
    Undelivered,
    Failed,
}
