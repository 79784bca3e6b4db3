namespace Hotline.Core.Reports;

/// <summary>The few statistics the indicators use.</summary>
public static class Stats
{
    /// <summary>The middle value (mean of the two middle ones for an even count); null when there is none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double? Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? null : values.Average();
}
