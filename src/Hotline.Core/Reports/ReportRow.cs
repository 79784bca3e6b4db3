namespace Hotline.Core.Reports;

/// <summary>A row of a report table; a total row is the sum of the rows above it, column by column.</summary>
public sealed record ReportRow(string Label, IReadOnlyList<Figure> Cells, bool IsTotal = false);
