using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>Reads and changes one case. Every read and every change leaves an audit entry, saved with it.</summary>
public sealed class CaseDesk(HotlineDbContext db, Audit audit, TimeProvider clock)
{
    public async Task<CaseFile?> OpenAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.Contacts).Include(c => c.Notes).Include(c => c.Referrals).ThenInclude(r => r.Agency)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return null;

        audit.Record("case.view", id);
        await db.SaveChangesAsync(ct);

        var answers = await db.IntakeAnswers.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.At).ThenBy(a => a.Step).ToListAsync(ct);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == id && a.Action != "case.view")
            .OrderBy(a => a.At).ToListAsync(ct);
        var earlier = @case.CallerHash is null ? [] : await db.Cases.AsNoTracking()
            .Where(c => c.CallerHash == @case.CallerHash && c.Id != id)
            .OrderByDescending(c => c.CreatedAt)
            .Select(c => new EarlierCase(c.Id, c.Reference, c.Status, c.ContactType, c.CreatedAt))
            .ToListAsync(ct);
        var assigned = @case.AssignedOperatorId is { } opId
            ? await db.Users.Where(u => u.Id == opId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;

        return new CaseFile(@case, assigned, answers, CaseTimeline.Build(@case, history), earlier,
            CaseMachine.AllowedTriggers(@case.Status), ClassificationOf(@case), SafeContactOf(@case));
    }

    public async Task<string?> ClassifyAsync(Guid id, ClassificationForm form, CancellationToken ct) =>
        await ChangeAsync(id, "case.classify", c =>
        {
            c.ContactType = form.ContactType;
            c.TraffickingType = form.TraffickingType;
            c.Venue = Clean(form.Venue);
            c.Jurisdiction = Clean(form.Jurisdiction)?.ToUpperInvariant();
            c.PeopleInvolved = form.PeopleInvolved;
            c.ChildInvolved = form.ChildInvolved;
            c.ImminentDanger = form.ImminentDanger;
            c.Indicators = form.Indicators.Where(k => Screening.Indicators.Any(i => i.Key == k)).Distinct().ToList();
            c.Needs = form.Needs.Where(k => Screening.Needs.Any(n => n.Key == k)).Distinct().ToList();
            c.RiskLevel = Screening.RiskLevels.Contains(form.RiskLevel) ? form.RiskLevel : null;
            c.Narrative = Clean(form.Narrative);
            c.SafetyPlan = Clean(form.SafetyPlan);
            return $"type {form.ContactType?.ToString() ?? "-"}, trafficking {form.TraffickingType?.ToString() ?? "-"}, jurisdiction {c.Jurisdiction ?? "-"}, minor {form.ChildInvolved}, indicators {c.Indicators.Count}, needs {string.Join('/', c.Needs)}";
        }, ct);

    public async Task<string?> SetSafeContactAsync(Guid id, SafeContactForm form, CancellationToken ct) =>
        await ChangeAsync(id, "case.safe-contact", c =>
        {
            c.CallbackAllowed = form.CallbackAllowed;
            c.CallbackWindow = Clean(form.CallbackWindow);
            c.VoicemailAllowed = form.VoicemailAllowed;
            c.SafeContactInstructions = Clean(form.Instructions);
            return $"callback {Say(form.CallbackAllowed)}, voicemail {Say(form.VoicemailAllowed)}";
        }, ct);

    public async Task<string?> RecordConsentAsync(Guid id, bool consent, string who, CancellationToken ct) =>
        await ChangeAsync(id, "case.consent", c =>
        {
            c.ConsentToShare = consent;
            c.ConsentRecordedBy = who;
            c.ConsentRecordedAt = clock.GetUtcNow();
            return consent ? "caller consents to sharing" : "caller refuses sharing";
        }, ct);

    public async Task<string?> AddNoteAsync(Guid id, string body, string authorId, string authorName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body)) return "A note cannot be empty.";
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) return "No such case.";
        db.CaseNotes.Add(new CaseNote { Id = Guid.NewGuid(), CaseId = id, AuthorId = authorId, AuthorName = authorName, Body = body.Trim(), At = clock.GetUtcNow() });
        audit.Record("case.note", id); // the note itself is personal data: not copied into the audit log
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <returns>null on success, otherwise the case machine's reason, fit to show.</returns>
    public async Task<string?> ChangeStatusAsync(Guid id, CaseTrigger trigger, CaseOutcome? outcome, CancellationToken ct)
    {
        string? refused = null;
        var error = await ChangeAsync(id, "case.status", c =>
        {
            var transition = CaseMachine.Apply(c.Status, trigger, outcome);
            if (!transition.Succeeded)
            {
                refused = transition.Error;
                return null;
            }
            c.Status = transition.To;
            if (transition.To == CaseStatus.Closed)
            {
                c.ClosedAt = clock.GetUtcNow();
                c.Outcome = transition.Outcome?.ToString();
            }
            else if (trigger == CaseTrigger.Reopen)
            {
                c.ClosedAt = null;
            }
            return $"{transition.From} -> {transition.To} ({trigger}{(transition.Outcome is { } o ? ", " + o : "")})";
        }, ct);
        return refused ?? error;
    }

    /// <summary>Applies one change and its audit entry in one save; a null detail means "refused, save nothing".</summary>
    private async Task<string?> ChangeAsync(Guid id, string action, Func<Case, string?> change, CancellationToken ct)
    {
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return "No such case.";
        if (@case.RedactedAt is not null) return "This case was redacted under the retention rules and can no longer be changed.";
        var detail = change(@case);
        if (detail is null) return null;
        @case.UpdatedAt = clock.GetUtcNow();
        audit.Record(action, id, detail);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Someone else changed this case at the same moment. Your change was not saved: check the case and try again.";
        }
        return null;
    }

    private static ClassificationForm ClassificationOf(Case c) => new()
    {
        ContactType = c.ContactType, TraffickingType = c.TraffickingType, Venue = c.Venue, Jurisdiction = c.Jurisdiction,
        PeopleInvolved = c.PeopleInvolved, ChildInvolved = c.ChildInvolved == true, ImminentDanger = c.ImminentDanger == true,
        Indicators = c.Indicators, Needs = c.Needs, RiskLevel = c.RiskLevel, Narrative = c.Narrative, SafetyPlan = c.SafetyPlan,
    };

    private static SafeContactForm SafeContactOf(Case c) => new()
    {
        CallbackAllowed = c.CallbackAllowed, CallbackWindow = c.CallbackWindow, VoicemailAllowed = c.VoicemailAllowed, Instructions = c.SafeContactInstructions,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Say(bool? answer) => answer switch { true => "yes", false => "no", null => "not asked" };
}
