namespace Hotline.Core.Referrals;

/// <summary>Why the hotline may share a case with an agency. Recorded on every referral and audited.</summary>
public enum ConsentBasis
{
    /// <summary>The caller consented to sharing.</summary>
    Consented,
    /// <summary>Mandatory referral (a minor, or imminent danger): the law does not require consent.</summary>
    MandatoryNoConsentNeeded,
    /// <summary>No consent: only an anonymous notification carrying no identifying data.</summary>
    AnonymousOnly,
}
