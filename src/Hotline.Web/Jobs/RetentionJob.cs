using Hangfire;
using Hotline.Core.Cases;
using Hotline.Core.Pathway;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Redacts the personal data of cases closed longer than the retention period, keeping the anonymous
/// facts (dates, urgency, classification, yes/no answers) that statistics need. Runs daily; idempotent.
/// </summary>
public sealed class RetentionJob(HotlineDbContext db, PathwayPolicy pathway, HotlineSettings settings, Audit audit, TimeProvider clock)
{
    public const string Id = "retention";
    public const string Redacted = "[redacted]";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<int> RunAsync()
    {
        var now = clock.GetUtcNow();
        var period = settings.RetentionDaysOverride is { } days ? TimeSpan.FromDays(days) : pathway.RetentionPeriod;
        var cutoff = now - period;
        var cases = await db.Cases.Include(c => c.Notes).Include(c => c.Contacts)
            .Where(c => c.Status == CaseStatus.Closed && c.ClosedAt < cutoff && c.RedactedAt == null)
            .OrderBy(c => c.ClosedAt).Take(200).ToListAsync();
        foreach (var @case in cases)
        {
            @case.CallerNumber = null;
            @case.CallerHash = null; // unlinks repeat contacts too
            @case.Narrative = null;
            @case.OperatorNarrative = null;
            @case.SafetyPlan = null;
            @case.SafeContactInstructions = null;
            @case.Venue = null;
            foreach (var note in @case.Notes) note.Body = Redacted;
            foreach (var contact in @case.Contacts)
            {
                contact.RecordingUrl = null;
                contact.ConversationKey = null;
            }
            @case.RedactedAt = now;
            audit.Record("case.redacted", @case.Id, $"Personal data removed {period.TotalDays:0} days after closure");
        }
        var caseIds = cases.Select(c => c.Id).ToList();
        await db.Notifications.Where(n => n.CaseId != null && caseIds.Contains(n.CaseId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.Recipient, Redacted));
        // Transcripts go with the rest: what was written and the links to photos and voice notes.
        await db.ConversationMessages.Where(m => caseIds.Contains(m.CaseId))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Body, (string?)null).SetProperty(m => m.MediaJson, (string?)null));
        await db.SaveChangesAsync();
        return cases.Count;
    }
}
