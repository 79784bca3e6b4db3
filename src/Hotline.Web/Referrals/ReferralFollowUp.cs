namespace Hotline.Web.Referrals;

/// <summary>What a person did about a mandatory referral nobody acknowledged.</summary>
public enum ReferralFollowUp
{
    /// <summary>A new referral to the same agency (its own deadline; if it expires too, it is back on the board).</summary>
    Resend,
    /// <summary>A new referral to another agency of the person's choice.</summary>
    ReferElsewhere,
    /// <summary>Told the agency by phone; the note says who took it over.</summary>
    HandedOverByPhone,
}
