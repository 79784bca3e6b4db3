namespace Hotline.Web.Jobs;

/// <summary>Thrown so Hangfire schedules the next attempt; the reason is already on the referral row.</summary>
public sealed class ReferralDeliveryException(string message) : Exception(message);
