using Hotline.Web.Data;

namespace Hotline.Web.Referrals;

/// <summary>The outcome of an agency action: a referral, or an HTTP status with a sentence.</summary>
public sealed record AgencyAnswer(int StatusCode, string? Problem, Referral? Referral)
{
    public static AgencyAnswer Refuse(int status, string problem) => new(status, problem, null);
}
