namespace Hotline.Web.Data;

/// <summary>Who read or changed what, when, from where. Append-only.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>A user id, "system", "caller" or "agency:{id}".</summary>
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>Dotted verb such as case.view, case.classify, referral.mandatory.</summary>
    public string Action { get; set; } = "";
    public Guid? CaseId { get; set; }
    public Guid? ReferralId { get; set; }
    public string? Detail { get; set; }
    public string? RemoteIp { get; set; }
}
