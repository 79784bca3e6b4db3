namespace Hotline.Core.Flows;

/// <summary>
/// One condition of a branch: an answered field equals a value, the line is (not) open now, or the caller's
/// number is (not) withheld.
/// </summary>
public sealed class BranchRule
{
    public string? Field { get; init; }
    public string? EqualsValue { get; init; }
    public bool? OpenHours { get; init; }
    /// <summary>True: the caller gave no usable number (withheld or a placeholder), so nobody can call them back.</summary>
    public bool? NumberWithheld { get; init; }
    public required string Next { get; init; }
    public required int Line { get; init; }

    internal bool Matches(FlowCursor cursor) =>
        OpenHours is { } wantOpen ? wantOpen == cursor.Open
        : NumberWithheld is { } wantWithheld ? wantWithheld == cursor.NumberWithheld
        : Field is not null && cursor.Answers.TryGetValue(Field, out var v) && string.Equals(v, EqualsValue, StringComparison.Ordinal);

    public string Description =>
        OpenHours is { } o ? (o ? "open hours" : "closed")
        : NumberWithheld is { } w ? (w ? "number withheld" : "number given")
        : $"{Field} = {EqualsValue}";
}
