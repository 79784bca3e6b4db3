namespace Hotline.Core.Reports;

/// <summary>One table of the indicators report (one sheet of the XLSX export).</summary>
public sealed record ReportTable(string Id, string Title, string RowHeader, IReadOnlyList<string> Columns, IReadOnlyList<ReportRow> Rows)
{
    public bool HasTotalRow => Rows.Count > 0 && Rows[^1].IsTotal;
}
