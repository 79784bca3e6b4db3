namespace Hotline.Core.Reports;

/// <summary>One figure of the indicators report: the words the screen, the exports and docs/indicators.md all use.</summary>
public sealed record IndicatorDefinition(string Id, string Name, IndicatorUnit Unit, string Definition)
{
    public string UnitName => Unit switch
    {
        IndicatorUnit.Count => "count",
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Seconds => "seconds",
        IndicatorUnit.Minutes => "minutes",
        IndicatorUnit.Hours => "hours",
        _ => Unit.ToString(),
    };
}
