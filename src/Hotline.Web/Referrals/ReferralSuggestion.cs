using Hotline.Core.Referrals;

namespace Hotline.Web.Referrals;

public sealed record ReferralSuggestion(
    Guid AgencyId, string AgencyName, AgencyType Type, bool Mandatory, ConsentBasis ConsentBasis, string DataLevel, string Reason,
    bool AlreadyReferred, bool OpenNow);
