namespace Hotline.Web.Data;

/// <summary>One answer the caller gave, committed before the next prompt is returned.</summary>
public class IntakeAnswer
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid ContactId { get; set; }
    public string NodeId { get; set; } = "";
    public string Field { get; set; } = "";
    public string Value { get; set; } = "";
    /// <summary>The contact step this answer was given at; with ContactId and Field it is unique, so a retry cannot write it
    /// twice.</summary>
    public int Step { get; set; }
    public DateTimeOffset At { get; set; }
}
