namespace Hotline.Core.Reports;

/// <summary>
/// Small-cell suppression for shared tables. Primary: every count from 1 to 4 is hidden. Complementary: a line (parts
/// and their total) with exactly one hidden cell would give it away by subtraction, so the smallest other non-zero part
/// is hidden too (the total when no part is left); repeated until no line has a single hidden cell, since hiding a
/// cell can expose another line it belongs to.
/// </summary>
public static class SmallCellSuppression
{
    public static bool IsSmall(long count) => count is > 0 and < IndicatorCatalogue.SmallCell;

    /// <returns>For each count, whether a shared export must hide it.</returns>
    public static bool[] Suppress(IReadOnlyList<long> counts, IReadOnlyList<SuppressionLine> lines)
    {
        var hidden = counts.Select(IsSmall).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                var members = line.Parts.Append(line.Total).ToList();
                if (members.Count(i => hidden[i]) != 1) continue;
                var partner = Partner(counts, hidden, line);
                if (partner is not { } p) continue;
                hidden[p] = true;
                changed = true;
            }
        }
        while (changed);
        return hidden;
    }

    /// <summary>The cell that hides least: the smallest visible non-zero part, else the total, else a zero part.</summary>
    private static int? Partner(IReadOnlyList<long> counts, bool[] hidden, SuppressionLine line)
    {
        var visible = line.Parts.Where(i => !hidden[i]).ToList();
        var nonZero = visible.Where(i => counts[i] > 0).OrderBy(i => counts[i]).ThenBy(i => i).ToList();
        if (nonZero.Count > 0) return nonZero[0];
        if (!hidden[line.Total]) return line.Total;
        return visible.Count > 0 ? visible[0] : null;
    }
}
