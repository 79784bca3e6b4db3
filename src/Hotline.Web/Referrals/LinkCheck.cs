namespace Hotline.Web.Referrals;

public enum LinkState { Valid, Expired, Invalid }

public sealed record LinkCheck(LinkState State, Guid ReferralId);
