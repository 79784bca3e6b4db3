namespace Hotline.Core.Reports;

/// <summary>Cells (by index) that add up to a total cell: a column of a table and its total row, say.</summary>
public sealed record SuppressionLine(IReadOnlyList<int> Parts, int Total);
