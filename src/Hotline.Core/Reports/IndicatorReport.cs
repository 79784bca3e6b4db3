namespace Hotline.Core.Reports;

/// <summary>The indicators for one period (inclusive days) and one jurisdiction (null: all).</summary>
public sealed record IndicatorReport(DateOnly From, DateOnly To, string? Jurisdiction, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(string id) => Tables.Single(t => t.Id == id);
}
