namespace Hotline.Core.Referrals;

/// <summary>A person at the agency to phone when its channels stay silent.</summary>
public sealed record AgencyOnCallContact(string Name, string Phone);
