namespace Hotline.Web.Data;

/// <summary>
/// One caller turn (a key press, a speech result, a text, or silence) and where it led. Unique per
/// contact and step: a second request for the same step fails its whole batch, so a Twilio retry or a
/// concurrent duplicate can never apply a step twice. Holds no personal data (digits and node ids only).
/// </summary>
public class ContactTurn
{
    public long Id { get; set; }
    public Guid ContactId { get; set; }
    public int Step { get; set; }
    public string FromNode { get; set; } = "";
    public string ToNode { get; set; } = "";
    /// <summary>"1", "silence", "speech", "text"... never the speech or SMS text itself.</summary>
    public string Input { get; set; } = "";
    public bool Accepted { get; set; }
    public DateTimeOffset At { get; set; }
}
