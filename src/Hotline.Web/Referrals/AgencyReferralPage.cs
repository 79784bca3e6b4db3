namespace Hotline.Web.Referrals;

public sealed record AgencyReferralPage(string Token, Data.Referral Referral, string? Done);
