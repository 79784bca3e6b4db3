namespace Hotline.Core.Referrals;

public enum NotificationChannel
{
    Sms,
    Webhook,
    Email,
}
