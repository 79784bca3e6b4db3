namespace Hotline.Core.Reports;

/// <summary>
/// The anonymous form of a report, the only one that leaves the console: counts from 1 to 4 shown as "&lt;5" with
/// complementary suppression per column, rates and medians of fewer than 5 items hidden, typed venues pooled unless
/// at least 5 cases share them. Labels are fixed words, pooled venues, and nothing else; dates are whole days.
/// </summary>
public static class SharedReport
{
    public const string Hidden = "<5";
    public const string OtherVenues = "Other venues";

    public static IReadOnlyList<SharedTable> From(IndicatorReport report)
    {
        var tables = report.Tables.Select(t => t.Id == "cases-by-venue" ? PoolVenues(t) : t).ToList();
        var hiddenCounts = new HashSet<string>();
        var hiddenCells = tables.Select(t => HideCounts(t, hiddenCounts)).ToList();
        return tables.Select((t, ti) => new SharedTable(t.Id, t.Title, t.RowHeader, t.Columns,
            t.Rows.Select((r, ri) => new SharedRow(r.Label,
                r.Cells.Select((f, ci) => Text(f, hiddenCells[ti][ri, ci], hiddenCounts)).ToList(),
                r.Cells.Select(f => f.IndicatorId).ToList())).ToList())).ToList();
    }

    private static string Text(Figure f, bool hiddenCount, HashSet<string> hiddenCounts)
    {
        if (f.Value is null) return "—";
        if (f.IsCount) return hiddenCount ? Hidden : f.Text;
        var small = f.Basis < IndicatorCatalogue.SmallCell
            || (f.Part is { } part && (SmallCellSuppression.IsSmall(part) || SmallCellSuppression.IsSmall(f.Basis - part)))
            || f.DerivedFrom.Any(hiddenCounts.Contains);
        return small ? Hidden : f.Text;
    }

    /// <summary>Hides counts per column (parts and the total row); remembers the ids of hidden counts for derived figures.</summary>
    private static bool[,] HideCounts(ReportTable table, HashSet<string> hiddenIds)
    {
        var width = table.Columns.Count;
        var counts = new List<long>();
        var index = new int[table.Rows.Count, width];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var f = table.Rows[r].Cells[c];
                index[r, c] = f.IsCount ? counts.Count : -1;
                if (f.IsCount) counts.Add((long)(f.Value ?? 0));
            }
        }
        var lines = new List<SuppressionLine>();
        for (var c = 0; c < width; c++) lines.AddRange(Lines(table, index, c));
        var hidden = SmallCellSuppression.Suppress(counts, lines);
        var result = new bool[table.Rows.Count, width];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < width; c++)
            {
                result[r, c] = index[r, c] >= 0 && hidden[index[r, c]];
                if (result[r, c]) hiddenIds.Add(table.Rows[r].Cells[c].IndicatorId);
            }
        }
        return result;
    }

    /// <summary>
    /// The sums a column states, as lines of cell indices: the rows that are not sub-totals make the total; each sub-total
    /// is made of its parts; and the sub-totals with the rows outside them make the total again (so that a shown
    /// sub-total cannot give away a hidden row beside it).
    /// </summary>
    private static IEnumerable<SuppressionLine> Lines(ReportTable table, int[,] index, int column)
    {
        var rows = table.Rows;
        var last = rows.Count - 1;
        List<int> Cells(IEnumerable<int> rowIndices) => rowIndices.Select(r => index[r, column]).Where(i => i >= 0).ToList();
        var insideSubtotal = new HashSet<int>();
        for (var r = 0; r < rows.Count; r++)
        {
            var parts = Enumerable.Range(r + 1, Math.Min(rows[r].PartsBelow, Math.Max(0, last - r - 1))).ToList();
            insideSubtotal.UnionWith(parts);
            if (parts.Count > 0 && index[r, column] >= 0) yield return new SuppressionLine(Cells(parts), index[r, column]);
        }
        if (!table.HasTotalRow || index[last, column] < 0) yield break;
        var below = Enumerable.Range(0, last);
        yield return new SuppressionLine(Cells(below.Where(r => rows[r].PartsBelow == 0)), index[last, column]);
        if (rows.Any(r => r.PartsBelow > 0))
            yield return new SuppressionLine(Cells(below.Where(r => !insideSubtotal.Contains(r))), index[last, column]);
    }

    /// <summary>A typed venue is named only when at least 5 cases share it; the rest become one "Other venues" row.</summary>
    public static ReportTable PoolVenues(ReportTable venues)
    {
        bool Named(ReportRow r) => r.IsTotal || r.Label == IndicatorCalculator.NotRecorded
            || r.Cells[0].Value >= IndicatorCatalogue.SmallCell;
        var kept = venues.Rows.Where(r => Named(r) && !r.IsTotal).ToList();
        var other = venues.Rows.Where(r => !Named(r)).Sum(r => (int)(r.Cells[0].Value ?? 0));
        var rows = kept.Append(new ReportRow(OtherVenues, [Figure.Count(IndicatorCatalogue.CasesByVenue, other)]))
            .Append(venues.Rows[^1]).ToList();
        return venues with { Rows = rows };
    }
}
