namespace Hotline.Web.Data;

/// <summary>
/// One outgoing message (SMS, e-mail, webhook). The unique <see cref="Key"/> makes sending idempotent once
/// recorded: a job that runs twice finds the row already sent and sends nothing. <see cref="Id"/> is the delivery
/// id every send of this message carries, so receivers can drop a repeat sent before the row was marked.
/// </summary>
public class Notification
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public string Channel { get; set; } = "";
    /// <summary>Encrypted at rest (it may be a phone number).</summary>
    public string Recipient { get; set; } = "";
    public string Purpose { get; set; } = "";
    public Guid? CaseId { get; set; }
    public Guid? ReferralId { get; set; }
    public string Status { get; set; } = "Pending";
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? ExternalId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}
