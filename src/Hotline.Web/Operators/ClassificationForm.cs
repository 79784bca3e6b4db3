using System.ComponentModel.DataAnnotations;
using Hotline.Core.Cases;

namespace Hotline.Web.Operators;

/// <summary>What the operator records after screening; one form, one audit entry.</summary>
public sealed class ClassificationForm
{
    [Display(Name = "Contact type")]
    public ContactType? ContactType { get; set; }

    [Display(Name = "Trafficking type")]
    public TraffickingType? TraffickingType { get; set; }

    [StringLength(200), Display(Name = "Venue or industry")]
    public string? Venue { get; set; }

    [StringLength(50), Display(Name = "Jurisdiction")]
    public string? Jurisdiction { get; set; }

    [Range(0, 10000), Display(Name = "People involved")]
    public int? PeopleInvolved { get; set; }

    [Display(Name = "A minor (under 18) is involved")]
    public bool ChildInvolved { get; set; }

    [Display(Name = "Someone is in immediate danger")]
    public bool ImminentDanger { get; set; }

    public List<string> Indicators { get; set; } = [];

    public List<string> Needs { get; set; } = [];

    [Display(Name = "Risk level")]
    public string? RiskLevel { get; set; }

    /// <summary>The operator's account (Case.OperatorNarrative); what callers text is kept apart, read-only here.</summary>
    [StringLength(20000), DataType(DataType.MultilineText), Display(Name = "Narrative (operator's account)")]
    public string? Narrative { get; set; }

    [StringLength(5000), DataType(DataType.MultilineText), Display(Name = "Safety plan")]
    public string? SafetyPlan { get; set; }

    /// <summary>The case's row version (xmin) when the page was loaded.</summary>
    public uint Version { get; set; }

    /// <summary>
    /// The classification as the page loaded it (JSON), so a save after someone else's can be merged field by
    /// field: loaded vs theirs vs yours. Only fields changed by both are refused.
    /// </summary>
    [StringLength(60000)]
    public string? Loaded { get; set; }
}
