namespace Hotline.Core.Reports;

/// <summary>What an indicator's number counts or measures.</summary>
public enum IndicatorUnit
{
    Count,
    Percent,
    Seconds,
    Minutes,
    Hours,
}
