using Hotline.Core.Referrals;

namespace Hotline.Web.Referrals;

/// <summary>
/// One message to send exactly once. <see cref="Key"/> is the idempotency key (unique in notifications);
/// <see cref="Text"/> is the SMS/e-mail body, <see cref="Json"/> the webhook body.
/// </summary>
public sealed record OutgoingMessage(
    string Key,
    NotificationChannel Channel,
    string Address,
    string Purpose,
    string Subject,
    string Text,
    string Json,
    Guid? CaseId = null,
    Guid? ReferralId = null);

/// <summary>What a channel said: sent (with the provider's id) or failed with a reason fit for the console.</summary>
public sealed record DeliveryResult(bool Sent, string? ExternalId, string? Error)
{
    public static DeliveryResult Ok(string? externalId = null) => new(true, externalId, null);
    public static DeliveryResult Fail(string error) => new(false, null, error);
}
