namespace Hotline.Core.Reports;

/// <summary>
/// A row of a report table. A total row (the last) is the sum of the rows above it, column by column, counting each
/// count once: a sub-total row (<see cref="PartsBelow"/> &gt; 0) is the sum of that many rows right below it, and the total
/// is also the sum of the sub-totals and the rows outside them.
/// </summary>
public sealed record ReportRow(string Label, IReadOnlyList<Figure> Cells, bool IsTotal = false)
{
    /// <summary>How many rows right below this one it adds up (0: a plain row).</summary>
    public int PartsBelow { get; init; }
}
