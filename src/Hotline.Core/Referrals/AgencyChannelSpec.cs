namespace Hotline.Core.Referrals;

/// <summary>One way to notify an agency: an SMS number (E.164), an https webhook URL, or an e-mail address.</summary>
public sealed record AgencyChannelSpec(NotificationChannel Channel, string Address);
