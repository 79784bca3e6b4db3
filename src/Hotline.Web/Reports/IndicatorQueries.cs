using Hotline.Core.Callbacks;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Hotline.Core.Reports;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Hotline.Web.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Reports;

/// <summary>
/// Reads the facts the indicators need for one period and jurisdiction: thin queries, no arithmetic (that is
/// <see cref="IndicatorCalculator"/>'s). The jurisdiction is the case's; a contact or referral follows its case. A
/// callback's own call is the contact a row of callback_attempts names (<see cref="CallbackAttempt.ContactId"/>).
/// </summary>
public sealed class IndicatorQueries(HotlineDbContext db, ConsoleClock clock, PathwayPolicy pathway, Flow flow)
{
    public async Task<IndicatorReport> ReportAsync(DashboardPeriod period, string? jurisdiction, CancellationToken ct) =>
        IndicatorCalculator.Compute(await FactsAsync(period.Resolve(clock), jurisdiction, ct));

    public async Task<IndicatorFacts> FactsAsync(ResolvedPeriod period, string? jurisdiction, CancellationToken ct)
    {
        var (from, to, start, end) = period;
        var j = jurisdiction;
        var calls = await QueuedCallsAsync(db, start, end, j, ct);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.StartedAt >= start && c.StartedAt < end && (j == null || c.Case.Jurisdiction == j))
            .Select(c => new ContactFact(c.Channel, c.Case.ContactType, db.CallbackAttempts.Any(a => a.ContactId == c.Id)))
            .ToListAsync(ct);
        var cases = (await OpenedCasesAsync(period, j, ct)).Select(c => c.Fact).ToList();
        var closed = await db.Cases.AsNoTracking()
            .Where(c => c.ClosedAt >= start && c.ClosedAt < end && (j == null || c.Jurisdiction == j))
            .Select(c => c.Outcome)
            .ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CreatedAt >= start && r.CreatedAt < end && (j == null || r.Case.Jurisdiction == j))
            .Select(r => new ReferralFact(
                r.Agency.Type, r.SentAt, r.DeliveredAt, r.AcknowledgedAt, r.AcknowledgeBy, r.AcceptedAt, r.DeclinedAt, r.ExpiredAt))
            .ToListAsync(ct);
        return new IndicatorFacts(from, to, jurisdiction, clock.Now, calls, contacts, cases,
            closed.Select(o => new ClosedCaseFact(Enum.TryParse<CaseOutcome>(o, out var outcome) ? outcome : null)).ToList(), referrals);
    }

    /// <summary>
    /// Calls queued in the period, each marked when it is a callback's own call: the contact-centre figures
    /// (<see cref="ContactCentreFigures"/>) leave those out. The dashboard reads the same query.
    /// </summary>
    public static Task<List<QueuedCallFact>> QueuedCallsAsync(
        HotlineDbContext db, DateTimeOffset start, DateTimeOffset end, string? j, CancellationToken ct) =>
        db.Contacts.AsNoTracking()
            .Where(c => c.EnqueuedAt >= start && c.EnqueuedAt < end && (j == null || c.Case.Jurisdiction == j))
            .Select(c => new QueuedCallFact(c.EnqueuedAt!.Value, c.AnsweredAt, c.EndedAt, c.State == ContactState.Abandoned,
                db.CallbackAttempts.Any(a => a.ContactId == c.Id)))
            .ToListAsync(ct);

    /// <summary>Cases opened in the period, each with its indicator facts (also the rows of the research export).</summary>
    public async Task<IReadOnlyList<OpenedCase>> OpenedCasesAsync(ResolvedPeriod period, string? j, CancellationToken ct)
    {
        var (_, _, start, end) = period;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.CreatedAt >= start && c.CreatedAt < end && (j == null || c.Jurisdiction == j))
            .OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                Case = new Case
                {
                    Status = c.Status, Urgency = c.Urgency, FirstChannel = c.FirstChannel, ChildInvolved = c.ChildInvolved,
                    ImminentDanger = c.ImminentDanger, ContactType = c.ContactType, TraffickingType = c.TraffickingType, Venue = c.Venue,
                    Jurisdiction = c.Jurisdiction, ConsentToShare = c.ConsentToShare, Needs = c.Needs, Need = c.Need, Language = c.Language,
                    CallbackAllowed = c.CallbackAllowed, CallbackWindow = c.CallbackWindow, CallbackDueAt = c.CallbackDueAt,
                    CreatedAt = c.CreatedAt, ClosedAt = c.ClosedAt, Outcome = c.Outcome,
                },
                FirstContact = c.Contacts.Min(x => (DateTimeOffset?)x.StartedAt),
                Attempts = db.CallbackAttempts.Where(a => a.CaseId == c.Id)
                    .Select(a => new CallbackAttemptFact(a.StartedAt, a.Outcome)).ToList(),
                FirstReferral = c.Referrals.Min(r => (DateTimeOffset?)r.CreatedAt),
                Referrals = c.Referrals.Count,
                MandatorySent = c.Referrals.Where(r => r.Mandatory && r.SentAt != null).Select(r => r.Agency.Type).Distinct().ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r =>
        {
            var required = pathway.Decide(r.Case.ToProfile()).Mandatory.Select(m => m.AgencyType).Distinct().ToList();
            var fact = new CaseFact(
                r.Case.CreatedAt, r.Case.TraffickingType, r.Case.Venue, r.Case.ChildInvolved == true, required.Count,
                required.Count(r.MandatorySent.Contains),
                r.FirstContact is { } first && first < r.Case.CreatedAt ? first : r.Case.CreatedAt,
                r.FirstReferral, Promised(r.Case, r.Attempts), CallbackWindow.For(flow, r.Case.CallbackWindow), r.Attempts);
            return new OpenedCase(r.Case, fact, r.Referrals);
        }).ToList();
    }

    /// <summary>
    /// A callback was promised when the caller consented and a time is set, or when one was attempted: the retry rule
    /// clears the time once the promise is kept or given up.
    /// </summary>
    private static bool Promised(Case @case, IReadOnlyList<CallbackAttemptFact> attempts) =>
        attempts.Count > 0 || (@case.CallbackAllowed == true && @case.CallbackDueAt is not null);
}

/// <summary>A case opened in the period: its non-personal columns, its indicator facts and its number of referrals.</summary>
public sealed record OpenedCase(Case Case, CaseFact Fact, int Referrals);
