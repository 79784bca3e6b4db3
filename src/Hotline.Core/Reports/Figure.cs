using System.Globalization;

namespace Hotline.Core.Reports;

/// <summary>
/// One number of a report table. <see cref="Basis"/> is how many items it was computed from (for a count, the
/// count itself), <see cref="Part"/> the numerator of a percentage: the anonymous exports hide a figure whose
/// basis or part is a small cell, or one of the counts it was <see cref="DerivedFrom"/> (by indicator id) is hidden.
/// </summary>
public sealed record Figure(string IndicatorId, IndicatorUnit Unit, double? Value, int Basis, int? Part = null)
{
    public IReadOnlyList<string> DerivedFrom { get; init; } = [];

    public static Figure Count(string id, int count) => new(id, IndicatorUnit.Count, count, count);

    public static Figure Percent(string id, int part, int whole, params string[] derivedFrom) =>
        new(id, IndicatorUnit.Percent, whole == 0 ? null : 100.0 * part / whole, whole, part) { DerivedFrom = derivedFrom };

    public static Figure Duration(string id, IndicatorUnit unit, double? value, int basis) => new(id, unit, value, basis);

    public bool IsCount => Unit == IndicatorUnit.Count;

    /// <summary>The figure as the screen and the exports write it: whole counts and percentages, one decimal for durations.</summary>
    public string Text => Value is not { } v ? "—"
        : Unit switch
        {
            IndicatorUnit.Count => ((long)v).ToString(CultureInfo.InvariantCulture),
            IndicatorUnit.Percent => Math.Round(v, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture),
            _ => Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture),
        };
}
