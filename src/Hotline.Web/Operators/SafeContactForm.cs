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
}
