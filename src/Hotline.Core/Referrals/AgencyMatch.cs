namespace Hotline.Core.Referrals;

/// <summary>A candidate agency with the facts it was ranked on, so the console can show why.</summary>
public sealed record AgencyMatch(AgencyListing Agency, bool JurisdictionExact, bool LanguageMatch, bool OpenNow);
