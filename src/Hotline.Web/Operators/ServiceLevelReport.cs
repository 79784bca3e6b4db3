namespace Hotline.Web.Operators;

/// <summary>What the supervisor dashboard shows for one period; the charts are ready-made SVG.</summary>
public sealed record ServiceLevelReport(
    DateOnly From,
    DateOnly To,
    int Offered,
    int Answered,
    int Abandoned,
    TimeSpan? AverageSpeedOfAnswer,
    TimeSpan? LongestWait,
    int OverdueReferrals,
    string CallsChart,
    string StatusChart,
    string ContactTypesChart,
    string TraffickingTypesChart)
{
    public double AnsweredShare => Offered == 0 ? 0 : (double)Answered / Offered;
    public double AbandonedShare => Offered == 0 ? 0 : (double)Abandoned / Offered;
}
