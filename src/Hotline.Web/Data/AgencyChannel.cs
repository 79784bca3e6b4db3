using Hotline.Core.Referrals;

namespace Hotline.Web.Data;

/// <summary>How an agency wants to be notified: an SMS number, a webhook URL or an e-mail address.</summary>
public class AgencyChannel
{
    public Guid Id { get; set; }
    public Guid AgencyId { get; set; }
    public NotificationChannel Channel { get; set; }
    public string Address { get; set; } = "";
    /// <summary>Channels are tried in this order (lower first), as the agency listed them.</summary>
    public int Position { get; set; }
}
