using Hotline.Core.Referrals;
using Hotline.Web.Infrastructure;

namespace Hotline.Web.Referrals;

/// <summary>SMS to the on-call supervisor, once per key. Carries a case reference, never caller data.</summary>
public sealed class SupervisorAlerts(NotificationSender sender, HotlineSettings settings)
{
    public async Task SendOnceAsync(string key, string text, Guid? caseId, Guid? referralId, CancellationToken ct)
    {
        var sent = await sender.SendOnceAsync(
            new OutgoingMessage(
            key, NotificationChannel.Sms, settings.SupervisorPhone, "supervisor-alert", text, text, "", caseId, referralId), ct);
        // Let the job fail so Hangfire retries: a supervisor alert is a promise, not a best effort.
        if (sent.Status != "Sent") throw new InvalidOperationException($"Supervisor alert {key} not sent: {sent.LastError}");
    }
}
