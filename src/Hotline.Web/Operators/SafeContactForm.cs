using System.ComponentModel.DataAnnotations;

namespace Hotline.Web.Operators;

/// <summary>How the hotline may reach the caller again without putting them at risk.</summary>
public sealed class SafeContactForm
{
    [Display(Name = "May we call back?")]
    public bool? CallbackAllowed { get; set; }

    [StringLength(100), Display(Name = "When is it safe (window)?")]
    public string? CallbackWindow { get; set; }

    [Display(Name = "May we leave a voicemail?")]
    public bool? VoicemailAllowed { get; set; }

    [StringLength(2000), DataType(DataType.MultilineText), Display(Name = "Safe-contact instructions")]
    public string? Instructions { get; set; }

    /// <summary>The case's row version (xmin) when the page was loaded.</summary>
    public uint Version { get; set; }

    /// <summary>These details as the page loaded them (JSON): a caller's newer answer (from the IVR) must not be overwritten by a stale
    /// page.</summary>
    [StringLength(10000)]
    public string? Loaded { get; set; }
}
