using Hotline.Core.Referrals;

namespace Hotline.Web.Operators;

/// <summary>One line of the board's banner: a mandatory referral nobody acknowledged and nobody has followed up yet.</summary>
public sealed record UnresolvedReferralRow(Guid CaseId, string Reference, string Agency, AgencyType Type, DateTimeOffset? ExpiredAt);
