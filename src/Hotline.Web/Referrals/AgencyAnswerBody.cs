namespace Hotline.Web.Referrals;

/// <summary>The agency API's answer: the case reference and the referral's status after the answer.</summary>
public sealed record AgencyAnswerBody(string Reference, string Status);
