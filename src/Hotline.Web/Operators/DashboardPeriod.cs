namespace Hotline.Web.Operators;

/// <summary>The chosen reporting period (inclusive days in the hotline's time zone); defaults to the last 4 weeks.</summary>
public sealed class DashboardPeriod
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>The days meant (defaults filled in, reversed ends swapped) and the instants they start and end at.</summary>
    public ResolvedPeriod Resolve(ConsoleClock clock)
    {
        var today = DateOnly.FromDateTime(clock.Local(clock.Now).DateTime);
        var to = To ?? today;
        var from = From ?? to.AddDays(-27);
        if (from > to) (from, to) = (to, from);
        return new ResolvedPeriod(from, to, clock.StartOfDay(from)!.Value, clock.StartOfDay(to.AddDays(1))!.Value);
    }
}

/// <summary>A period as days (for people) and as the half-open instant range [Start, End) (for queries).</summary>
public sealed record ResolvedPeriod(DateOnly From, DateOnly To, DateTimeOffset Start, DateTimeOffset End);
