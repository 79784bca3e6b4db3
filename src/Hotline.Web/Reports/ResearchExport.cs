using System.Globalization;
using CsvHelper;
using Hotline.Core.Reports;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Operators;

namespace Hotline.Web.Reports;

/// <summary>
/// Admin-only case-level export for research: one line per case opened in the period, with no personal data and no
/// free text (no reference, number, names, narratives, venue or notes; a line number instead of an id; days, not times).
/// Every export is audited.
/// </summary>
public sealed class ResearchExport(IndicatorQueries queries, ConsoleClock clock, HotlineDbContext db, Audit audit)
{
    public const string Action = "report.research-export";

    public static readonly string[] Columns =
    [
        "Line", "Opened", "Jurisdiction", "First channel", "Contact type", "Trafficking type", "Urgency", "Minor involved",
        "Imminent danger", "Status", "Outcome", "Closed", "Referrals", "Mandatory referrals required", "Mandatory referrals made",
        "Hours from first contact to first referral",
    ];

    public async Task<byte[]> CsvAsync(DashboardPeriod period, string? jurisdiction, CancellationToken ct)
    {
        var resolved = period.Resolve(clock);
        var cases = await queries.OpenedCasesAsync(resolved, jurisdiction, ct);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteRecord(Columns);
            var line = 0;
            foreach (var (c, fact, referrals) in cases)
            {
                string[] fields =
                [
                    (++line).ToString(CultureInfo.InvariantCulture), Day(c.CreatedAt), c.Jurisdiction ?? "", c.FirstChannel.ToString(),
                    c.ContactType?.ToString() ?? "", c.TraffickingType?.ToString() ?? "", c.Urgency.ToString(), YesNo(c.ChildInvolved),
                    YesNo(c.ImminentDanger), c.Status.ToString(), c.Outcome ?? "", c.ClosedAt is { } closed ? Day(closed) : "",
                    referrals.ToString(CultureInfo.InvariantCulture), fact.MandatoryRequired.ToString(CultureInfo.InvariantCulture),
                    fact.MandatoryMade.ToString(CultureInfo.InvariantCulture),
                    fact.FirstReferralAt is { } first
                        ? Math.Max(0, (first - fact.FirstContactAt).TotalHours).ToString("0.0", CultureInfo.InvariantCulture) : "",
                ];
                csv.WriteRecord(fields.Select(SpreadsheetText.Neutralise).ToArray());
            }
        }
        audit.Record(Action, detail:
            $"{IndicatorExports.Day(resolved.From)} to {IndicatorExports.Day(resolved.To)}, jurisdiction {jurisdiction ?? "all"}: " +
            $"{cases.Count} cases");
        await db.SaveChangesAsync(ct);
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private string Day(DateTimeOffset at) => clock.Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };
}
