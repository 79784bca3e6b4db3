namespace Hotline.Web.Referrals;

/// <summary>A referral the pathway or the referral's state does not allow; the message is fit to show the operator.</summary>
public sealed class ReferralRefusedException(string message) : Exception(message);
