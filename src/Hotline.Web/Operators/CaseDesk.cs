using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>Reads and changes one case. Every read and every change leaves an audit entry, saved with it.</summary>
public sealed class CaseDesk(HotlineDbContext db, Audit audit, TimeProvider clock, Jurisdictions jurisdictions)
{
    /// <summary>Bounds of the case page's lists; the page says how many more there are.</summary>
    public const int EarlierCasesShown = 10;
    public const int TimelineShown = 100;

    public async Task<CaseFile?> OpenAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.Contacts).Include(c => c.Notes).Include(c => c.Referrals).ThenInclude(r => r.Agency)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null) return null;

        audit.Record("case.view", id);
        await db.SaveChangesAsync(ct);

        var answers = await db.IntakeAnswers.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.At).ThenBy(a => a.Step)
            .ToListAsync(ct);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == id && a.Action != "case.view" && a.Action != Conversations.ConversationReader.ViewAction)
            .OrderBy(a => a.At).ToListAsync(ct);
        var earlierQuery = db.Cases.AsNoTracking()
            .Where(c => @case.CallerHash != null && c.CallerHash == @case.CallerHash && c.Id != id && c.CreatedAt < @case.CreatedAt);
        var earlier = @case.CallerHash is null ? [] : await earlierQuery
            .OrderByDescending(c => c.CreatedAt)
            .Take(EarlierCasesShown)
            .Select(c => new EarlierCase(c.Id, c.Reference, c.Status, c.ContactType, c.CreatedAt))
            .ToListAsync(ct);
        var earlierTotal = earlier.Count < EarlierCasesShown ? earlier.Count : await earlierQuery.CountAsync(ct);
        var legs = await db.LiveCallLegs.AsNoTracking().Where(l => l.CaseId == id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var assigned = @case.AssignedOperatorId is { } opId
            ? await db.Users.Where(u => u.Id == opId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct)
            : null;

        var known = await jurisdictions.AllAsync(ct);
        var classification = ClassificationOf(@case);
        classification.Version = @case.Version;
        classification.Loaded = ClassificationMerge.Snapshot(classification);
        var safeContact = SafeContactOf(@case);
        safeContact.Version = @case.Version;
        safeContact.Loaded = SafeContactMerge.Snapshot(safeContact);
        // Staff by name, not sign-in e-mail: audit rows name a user by id (or, from older code, by e-mail), notes by author id.
        var actors = history.SelectMany(h => new[] { h.Actor, h.ActorName }).Concat(@case.Notes.Select(n => n.AuthorId))
            .Append(@case.ConsentRecordedBy ?? "").Distinct().ToList();
        var staff = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id) || actors.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(ct);
        var names = staff.SelectMany(u => new[] { (Key: u.Id, u.DisplayName), (Key: u.UserName ?? u.Id, u.DisplayName) })
            .DistinctBy(n => n.Key).ToDictionary(n => n.Key, n => n.DisplayName);
        var timeline = CaseTimeline.Build(@case, history, legs, names);
        return new CaseFile(@case, assigned, answers, timeline.TakeLast(TimelineShown).ToList(), earlier,
            StatusMoves(@case.Status), classification, safeContact)
        {
            KnownJurisdictions = known,
            EarlierCasesTotal = earlierTotal,
            TimelineTotal = timeline.Count,
            ConsentRecordedByName = @case.ConsentRecordedBy is { } by ? names.GetValueOrDefault(by, by) : null,
            JurisdictionWarning = Jurisdictions.Warning(@case.Jurisdiction, known),
        };
    }

    /// <summary>
    /// Saves the classification by a three-way merge (<see cref="ClassificationMerge"/>): fields only this
    /// operator changed are saved, fields someone else changed meanwhile stay theirs, fields both changed are
    /// refused and named. The case's xmin guards the write; a save racing another is merged again.
    /// </summary>
    public async Task<ClassificationSave> ClassifyAsync(Guid id, ClassificationForm form, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (@case is null) return ClassificationSave.Refused("No such case.");
            if (@case.RedactedAt is not null)
            {
                return ClassificationSave.Refused(
                    "This case was redacted under the retention rules and can no longer be changed.");
            }

            var current = ClassificationOf(@case);
            // Same version: nothing changed since the page loaded. Otherwise the page says what it loaded; a
            // request without it (an old page, a hand-made post) cannot be merged and must not overwrite.
            var loaded = @case.Version == form.Version ? current : ClassificationMerge.FromSnapshot(form.Loaded);
            if (loaded is null)
            {
                form.Version = @case.Version;
                form.Loaded = ClassificationMerge.Snapshot(current);
                return ClassificationSave.Kept(
                    form,
                    "The classification was not saved: the case changed since this page was loaded. Your input is still in the form; " +
                    "check the case and save again.");
            }

            var merge = ClassificationMerge.Merge(loaded, current, form);
            var jurisdiction = Clean(merge.Stored.Jurisdiction)?.ToUpperInvariant();
            if (merge.Changed.Contains("Jurisdiction") && jurisdiction is not null
                && !(await jurisdictions.AllAsync(ct)).Contains(jurisdiction))
            {
                return ClassificationSave.Kept(form,
                    $"The classification was not saved: jurisdiction {jurisdiction} is not served by any agency in the directory. Pick " +
                        $"one from the list.", "Classification.Jurisdiction");
            }

            if (merge.Changed.Count > 0)
            {
                Apply(@case, merge.Stored);
                @case.UpdatedAt = clock.GetUtcNow();
                audit.Record(
                    "case.classify", id,
                    $"changed {string.Join(", ", merge.Changed)}; type: {Labels.Of(@case.ContactType, "-")}, trafficking: " +
                    $"{Labels.Of(@case.TraffickingType, "-")}, jurisdiction: {@case.Jurisdiction ?? "-"}, minor: " +
                    $"{Labels.YesNo(@case.ChildInvolved == true)}, indicators: {@case.Indicators.Count}, needs: " +
                    $"{(@case.Needs.Count == 0 ? "none" : string.Join(", ", @case.Needs))}"
                    + merge.RefusedNote);
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                    continue; // someone saved between our read and write: merge against theirs
                }
                catch (DbUpdateConcurrencyException)
                {
                    return ClassificationSave.Refused(
                        "Someone else changed this case at the same moment. Your change was not saved: check the case and try again.");
                }
            }
            if (merge.Conflicts.Count == 0) return ClassificationSave.Saved(merge.Changed);
            var shown = merge.Shown;
            shown.Version = @case.Version;
            shown.Loaded = ClassificationMerge.Snapshot(merge.Stored);
            var names = string.Join(", ", merge.Conflicts.Select(c => c.Field));
            return new ClassificationSave(
                $"Not saved: {names} — someone else changed {(merge.Conflicts.Count == 1 ? "it" : "them")} since you opened the case " +
                    $"(see below). {merge.SavedNote} Your input is still in the form: save again to replace theirs.",
                shown, merge.Conflicts, merge.Changed);
        }
    }

    private static void Apply(Case c, ClassificationForm form)
    {
        c.ContactType = form.ContactType;
        c.TraffickingType = form.TraffickingType;
        c.Venue = Clean(form.Venue);
        c.Jurisdiction = Clean(form.Jurisdiction)?.ToUpperInvariant();
        c.PeopleInvolved = form.PeopleInvolved;
        // The IVR's "not asked" (null) stays null unless the operator ticked or cleared it.
        if (c.ChildInvolved is not null || form.ChildInvolved) c.ChildInvolved = form.ChildInvolved;
        if (c.ImminentDanger is not null || form.ImminentDanger) c.ImminentDanger = form.ImminentDanger;
        c.Indicators = form.Indicators.Where(k => Screening.Indicators.Any(i => i.Key == k)).Distinct().ToList();
        c.Needs = form.Needs.Where(k => Screening.Needs.Any(n => n.Key == k)).Distinct().ToList();
        c.RiskLevel = Screening.RiskLevels.Contains(form.RiskLevel) ? form.RiskLevel : null;
        c.OperatorNarrative = Clean(form.Narrative);
        c.SafetyPlan = Clean(form.SafetyPlan);
    }

    /// <summary>
    /// Saves how the caller may be contacted by the same three-way merge as the classification: the IVR writes
    /// these fields too, and a stale page must not turn a caller's "no voicemail" back into "yes".
    /// </summary>
    /// <returns>null when everything was saved, otherwise what was refused (field: old -> theirs), fit to show.</returns>
    public async Task<string?> SetSafeContactAsync(Guid id, SafeContactForm form, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (@case is null) return "No such case.";
            if (@case.RedactedAt is not null) return "This case was redacted under the retention rules and can no longer be changed.";
            var current = SafeContactOf(@case);
            var loaded = @case.Version == form.Version ? current : SafeContactMerge.FromSnapshot(form.Loaded);
            if (loaded is null)
            {
                return "Safe-contact details were not saved: the case changed since this page was loaded. Check the details shown now " +
                    "and save again.";
            }

            var merge = SafeContactMerge.Merge(loaded, current, form);
            if (merge.Changed.Count > 0)
            {
                var stored = merge.Stored;
                @case.CallbackAllowed = stored.CallbackAllowed;
                @case.CallbackWindow = Clean(stored.CallbackWindow);
                @case.VoicemailAllowed = stored.VoicemailAllowed;
                @case.SafeContactInstructions = Clean(stored.Instructions);
                @case.UpdatedAt = clock.GetUtcNow();
                audit.Record(
                    "case.safe-contact", id,
                    $"changed {string.Join(", ", merge.Changed)}; callback {Say(@case.CallbackAllowed)}, voicemail " +
                    $"{Say(@case.VoicemailAllowed)}{merge.RefusedNote}");
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                    continue;
                }
                catch (DbUpdateConcurrencyException)
                {
                    return "Someone else changed this case at the same moment. Your change was not saved: check the case and try again.";
                }
            }
            if (merge.Conflicts.Count == 0) return null;
            return $"Not saved: {string.Join(", ", merge.Conflicts.Select(c => c.Field))}, changed by someone else (or the caller) since " +
                $"you opened the case: {FormMerge.Describe(merge.Conflicts)}. {merge.SavedNote}";
        }
    }

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
        db.CaseNotes.Add(
            new CaseNote
            { Id = Guid.NewGuid(), CaseId = id, AuthorId = authorId, AuthorName = authorName, Body = body.Trim(), At = clock.GetUtcNow() });
        audit.Record("case.note", id); // the note itself is personal data: not copied into the audit log
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <returns>null on success, otherwise the case machine's reason, fit to show.</returns>
    /// <summary>The moves an operator may make now: what the case machine allows, less the IVR's own triggers.</summary>
    /// <remarks>A move that leaves the status as it is ("Mark as referred" on a referred case) is not offered: it reads like a
    /// change and does nothing. Taking the case is kept: it assigns the case to whoever takes it.</remarks>
    public static IReadOnlyList<CaseTrigger> StatusMoves(CaseStatus status) =>
        CaseMachine.AllowedTriggers(status).Where(t => t is not (CaseTrigger.IntakeCompleted or CaseTrigger.CallerHungUp))
            .Where(t => t == CaseTrigger.OperatorTook || !(CaseMachine.Apply(status, t) is { Succeeded: true } move && move.To == status))
            .ToList();

    /// <param name="operatorId">Who asks; "Operator took" assigns the case to them.</param>
    public async Task<string?> ChangeStatusAsync(
        Guid id, CaseTrigger trigger, CaseOutcome? outcome, string operatorId, CancellationToken ct)
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
            if (trigger == CaseTrigger.OperatorTook && !string.IsNullOrEmpty(operatorId)) c.AssignedOperatorId = operatorId;
            if (transition.To == CaseStatus.Closed)
            {
                c.ClosedAt = clock.GetUtcNow();
                c.Outcome = transition.Outcome?.ToString();
            }
            else if (trigger == CaseTrigger.Reopen)
            {
                c.ClosedAt = null;
            }
            return $"{Labels.Move(transition.From, transition.To)} ({Labels.Of(trigger).ToLowerInvariant()}" +
                $"{(transition.Outcome is { } o ? ", outcome: " + Labels.Of(o).ToLowerInvariant() : "")})";
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
        Indicators = c.Indicators, Needs = c.Needs, RiskLevel = c.RiskLevel, Narrative = c.OperatorNarrative, SafetyPlan = c.SafetyPlan,
    };

    private static SafeContactForm SafeContactOf(Case c) => new()
    {
        CallbackAllowed = c.CallbackAllowed, CallbackWindow = c.CallbackWindow, VoicemailAllowed = c.VoicemailAllowed,
            Instructions = c.SafeContactInstructions,
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Say(bool? answer) => answer switch { true => "yes", false => "no", null => "not asked" };
}
