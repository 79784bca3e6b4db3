using System.ComponentModel.DataAnnotations;

namespace Hotline.Web.Operators;

/// <summary>The second step of signing in: a code from the authenticator app, or one recovery code.</summary>
public sealed class TwoFactorForm
{
    [StringLength(20), Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    [StringLength(40), Display(Name = "Or one of your recovery codes")]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>A code from the authenticator app: confirms enrolment, or that it is really you asking for new recovery codes.</summary>
public sealed class AuthenticatorCodeForm
{
    [Required(ErrorMessage = "Enter the 6-digit code your authenticator app shows."), StringLength(20)]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";
}

/// <summary>What the enrolment page shows: the QR code and the same key as text, for apps that cannot scan.</summary>
public sealed record EnrolmentPage(string QrDataUri, string GroupedKey, AuthenticatorCodeForm Form);

/// <summary>The page of an enrolled user: how many recovery codes are left, and a way to make new ones.</summary>
public sealed record TwoFactorStatus(int RecoveryCodesLeft, AuthenticatorCodeForm Form);
