namespace Hotline.Core.Reports;

/// <summary>
/// The crisis-line KPI set over the calls offered to the operator queue (definitions in <see cref="IndicatorCatalogue"/>).
/// </summary>
public sealed record ContactCentreFigures(
    int Offered, int Answered, int Abandoned, TimeSpan? AverageSpeedOfAnswer, TimeSpan? LongestWait, TimeSpan? AverageHandleTime,
    int HandledAndEnded)
{
    public int EndedOtherwise => Offered - Answered - Abandoned;

    /// <summary>The calls offered to the line: a callback's own call was placed by the hotline, never offered to it.</summary>
    public static IReadOnlyList<QueuedCallFact> OfferedCalls(IEnumerable<QueuedCallFact> queued) =>
        queued.Where(c => !c.PlacedByHotline).ToList();

    public static ContactCentreFigures From(IEnumerable<QueuedCallFact> queued, DateTimeOffset now)
    {
        var calls = OfferedCalls(queued);
        var answered = calls.Where(c => c.AnsweredAt is not null).ToList();
        var abandoned = calls.Count(c => c.AnsweredAt is null && c.Abandoned);
        var waits = answered.Select(c => (c.AnsweredAt!.Value - c.EnqueuedAt).TotalSeconds).ToList();
        var handled = answered.Where(c => c.EndedAt is not null)
            .Select(c => (c.EndedAt!.Value - c.AnsweredAt!.Value).TotalSeconds).ToList();
        TimeSpan? longest = calls.Count == 0 ? null : calls.Max(c => (c.AnsweredAt ?? c.EndedAt ?? now) - c.EnqueuedAt);
        return new ContactCentreFigures(
            calls.Count, answered.Count, abandoned, Seconds(Stats.Mean(waits)), longest, Seconds(Stats.Mean(handled)), handled.Count);
    }

    private static TimeSpan? Seconds(double? s) => s is { } v ? TimeSpan.FromSeconds(v) : null;
}
