namespace Hotline.Web.Operators;

/// <summary>The chosen reporting period (inclusive days in the hotline's time zone); defaults to the last 4 weeks.</summary>
public sealed class DashboardPeriod
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
