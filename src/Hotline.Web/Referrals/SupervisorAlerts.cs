using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>SMS to the on-call supervisor, once per key. Carries a case reference, never caller data.</summary>
public sealed class SupervisorAlerts(NotificationSender sender, HotlineSettings settings, HotlineDbContext db, Audit audit)
{
    public async Task SendOnceAsync(string key, string text, Guid? caseId, Guid? referralId, CancellationToken ct)
    {
        var sent = await sender.SendOnceAsync(
            new OutgoingMessage(
            key, NotificationChannel.Sms, settings.SupervisorPhone, "supervisor-alert", text, text, "", caseId, referralId), ct);
        if (sent.Status == "Sent") return;
        if (AlertRetry.GaveUp(sent)) await ReportGivenUpAsync(sent, ct);
        // Let the job fail so Hangfire retries: a supervisor alert is a promise, not a best effort.
        throw new InvalidOperationException($"Supervisor alert {key} not sent: {sent.LastError}");
    }

    /// <summary>
    /// The person who should have been told cannot be reached by text: say so on the case's timeline, once. /health/ready
    /// turns degraded too (Health.SupervisorAlertsCheck). The detail names the alert by key, never the error: Twilio's
    /// message may quote the phone number.
    /// </summary>
    private async Task ReportGivenUpAsync(Notification alert, CancellationToken ct)
    {
        var detail = $"Text to the on-call supervisor not delivered after {alert.Attempts} attempts ({alert.Key}); call them.";
        if (await db.AuditEntries.AnyAsync(a => a.Action == AlertRetry.GaveUpAction && a.Detail == detail, ct)) return;
        audit.Record(AlertRetry.GaveUpAction, alert.CaseId, detail, alert.ReferralId);
        await db.SaveChangesAsync(ct);
    }
}
