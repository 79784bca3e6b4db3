using Hotline.Core.Referrals;

namespace Hotline.Web.Data;

/// <summary>An agency in the referral directory.</summary>
public class Agency
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public AgencyType Type { get; set; }
    public List<string> Services { get; set; } = [];
    /// <summary>Jurisdiction codes; "*" means national.</summary>
    public List<string> Jurisdictions { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    /// <summary>Opening hours as text ("Mon-Fri 08:00-18:00"); empty means 24/7.</summary>
    public string? Hours { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public bool Active { get; set; } = true;
    /// <summary>Order on the pathway's escalation ladder (lower is asked first).</summary>
    public int PathwayOrder { get; set; }
    public string? OnCallName { get; set; }
    /// <summary>Encrypted at rest.</summary>
    public string? OnCallPhone { get; set; }
    public List<AgencyChannel> Channels { get; set; } = [];
}
