using Hotline.Core.Referrals;

namespace Hotline.Web.Referrals;

/// <summary>
/// One message to send (at least once; see NotificationSender). <see cref="Key"/> is the idempotency key (unique in notifications);
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
