using System.Globalization;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Core.Reports;
using Hotline.Web.Data;
using Hotline.Web.Reports;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>
/// Contact-centre measures (offered, answered, abandoned, speed of answer, longest wait) and case mix by
/// week. A call is "offered" when it reached the operator queue: calls that ended in the IVR never asked for a person.
/// </summary>
public sealed class ServiceLevels(HotlineDbContext db, ConsoleClock clock)
{
    public async Task<ServiceLevelReport> ReportAsync(DashboardPeriod period, CancellationToken ct)
    {
        var (from, to, start, end) = period.Resolve(clock);

        // The KPI definitions live in one place (the indicators catalogue); the dashboard shows the same figures, from the
        // same query, and charts the same offered calls (a callback's own call is not one).
        var queued = ContactCentreFigures.OfferedCalls(await IndicatorQueries.QueuedCallsAsync(db, start, end, null, ct));
        var answered = queued.Where(c => c.AnsweredAt is not null).ToList();
        var abandonedCalls = queued.Where(c => c.AnsweredAt is null && c.Abandoned).ToList();
        var now = clock.Now;
        var figures = ContactCentreFigures.From(queued, now);

        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.CreatedAt >= start && c.CreatedAt < end)
            .Select(c => new { c.Status, c.ContactType, c.TraffickingType, c.CreatedAt })
            .ToListAsync(ct);
        var byStatus = Enum.GetValues<CaseStatus>().Select(s => (s, cases.Count(c => c.Status == s))).ToList();
        var overdue = await db.Referrals.CountAsync(r => r.AcknowledgeBy < now && ReferralStatuses.AwaitingAgency.Contains(r.Status), ct);

        var weeks = WeeksOf(from, to);
        string Week(DateTimeOffset at) => WeekStart(DateOnly.FromDateTime(clock.Local(at).DateTime))
            .ToString("d MMM", CultureInfo.InvariantCulture);
        var weekLabels = weeks.Select(w => w.ToString("d MMM", CultureInfo.InvariantCulture)).ToList();
        IReadOnlyList<double> PerWeek<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at)
        {
            var counts = items.GroupBy(i => Week(at(i))).ToDictionary(g => g.Key, g => g.Count());
            return weekLabels.Select(w => (double)counts.GetValueOrDefault(w)).ToList();
        }

        var callsChart = SvgChart.Line("Calls to the operator queue per week", "Week starting", "Calls", weekLabels,
        [
            ("Offered", PerWeek(queued, c => c.EnqueuedAt)),
            ("Answered", PerWeek(answered, c => c.EnqueuedAt)),
            ("Abandoned", PerWeek(abandonedCalls, c => c.EnqueuedAt)),
        ]);
        var statusChart = SvgChart.Bar("Cases opened in the period, by status now", "Status", "Cases",
            byStatus.Select(b => (Labels.Of(b.Item1), (double)b.Item2)).ToList());
        var typesChart = SvgChart.Line("Contact types per week", "Week starting", "Cases", weekLabels,
            Enum.GetValues<ContactType>().Select(t => (Labels.Of(t), PerWeek(cases.Where(c => c.ContactType == t), c => c.CreatedAt)))
                .ToList());
        var traffickingChart = SvgChart.Line("Trafficking types per week", "Week starting", "Cases", weekLabels,
            Enum.GetValues<TraffickingType>()
                .Select(t => (Labels.Of(t), PerWeek(cases.Where(c => c.TraffickingType == t), c => c.CreatedAt))).ToList());

        return new ServiceLevelReport(from, to, figures.Offered, figures.Answered, figures.Abandoned, figures.AverageSpeedOfAnswer,
            figures.LongestWait, overdue,
            callsChart, statusChart, typesChart, traffickingChart);
    }

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static List<DateOnly> WeeksOf(DateOnly from, DateOnly to)
    {
        var weeks = new List<DateOnly>();
        for (var w = WeekStart(from); w <= to; w = w.AddDays(7)) weeks.Add(w);
        return weeks;
    }
}
