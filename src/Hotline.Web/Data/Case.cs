using Hotline.Core.Cases;

namespace Hotline.Web.Data;

/// <summary>
/// One person's matter with the hotline: everything the caller said, the operator's classification,
/// consent, and the referrals made. Calls and texts are <see cref="Contact"/>s of a case.
/// </summary>
public class Case
{
    public Guid Id { get; set; }
    /// <summary>Human-friendly reference read out on the phone and shown to agencies (never personal data).</summary>
    public string Reference { get; set; } = "";
    public CaseStatus Status { get; set; } = CaseStatus.Intake;
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public Channel FirstChannel { get; set; }
    public string FlowId { get; set; } = "";
    public string Language { get; set; } = "en";

    /// <summary>Encrypted at rest.</summary>
    public string? CallerNumber { get; set; }
    /// <summary>Keyed hash of the caller's number: links repeat callers without storing the number in clear.</summary>
    public string? CallerHash { get; set; }

    // What the caller told the IVR, kept on the case so the board can sort and warn without joins.
    public bool? SafeToTalk { get; set; }
    public bool? ImminentDanger { get; set; }
    public bool? ChildInvolved { get; set; }
    public string? Need { get; set; }
    public bool? CallbackAllowed { get; set; }
    public string? CallbackWindow { get; set; }
    public bool? VoicemailAllowed { get; set; }
    /// <summary>When a consented callback is owed (inside the caller's safe window).</summary>
    public DateTimeOffset? CallbackDueAt { get; set; }
    /// <summary>Set by the callback job when the callback became due; cleared when an operator makes it.</summary>
    public bool CallbackDue { get; set; }
    public bool Abandoned { get; set; }

    // Operator classification.
    public ContactType? ContactType { get; set; }
    public TraffickingType? TraffickingType { get; set; }
    public string? Venue { get; set; }
    public string? Jurisdiction { get; set; }
    public int? PeopleInvolved { get; set; }
    public List<string> Indicators { get; set; } = [];
    public List<string> Needs { get; set; } = [];
    public string? RiskLevel { get; set; }
    /// <summary>
    /// Encrypted at rest. The caller's own words (texts), appended by the webhooks only: no operator form
    /// writes it, so a stale save cannot erase what a caller wrote.
    /// </summary>
    public string? Narrative { get; set; }
    /// <summary>Encrypted at rest. The operator's account of the situation, edited on the classification form.</summary>
    public string? OperatorNarrative { get; set; }
    /// <summary>Encrypted at rest.</summary>
    public string? SafetyPlan { get; set; }
    /// <summary>Encrypted at rest: how (and how not) to contact the caller safely.</summary>
    public string? SafeContactInstructions { get; set; }

    public bool? ConsentToShare { get; set; }
    public string? ConsentRecordedBy { get; set; }
    public DateTimeOffset? ConsentRecordedAt { get; set; }

    public string? AssignedOperatorId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? TriageDueAt { get; set; }
    public bool TriageOverdue { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Set by the retention job when personal data was removed.</summary>
    public DateTimeOffset? RedactedAt { get; set; }

    /// <summary>PostgreSQL xmin, used as an optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public List<Contact> Contacts { get; set; } = [];
    public List<IntakeAnswer> Answers { get; set; } = [];
    public List<CaseNote> Notes { get; set; } = [];
    public List<Referral> Referrals { get; set; } = [];

    /// <summary>A shallow copy: the row as loaded, for <see cref="ContactChanges"/>.</summary>
    public Case Copy() => (Case)MemberwiseClone();
}
