namespace Hotline.Core.Flows;

/// <summary>
/// One condition of a branch: either an answered field equals a value, or the line is (not) open now.
/// </summary>
public sealed class BranchRule
{
    public string? Field { get; init; }
    public string? EqualsValue { get; init; }
    public bool? OpenHours { get; init; }
    public required string Next { get; init; }
    public required int Line { get; init; }

    public bool Matches(IReadOnlyDictionary<string, string> answers, bool open) =>
        OpenHours is { } wantOpen
            ? wantOpen == open
            : Field is not null && answers.TryGetValue(Field, out var v) && string.Equals(v, EqualsValue, StringComparison.Ordinal);

    public string Description =>
        OpenHours is { } o ? (o ? "open hours" : "closed") : $"{Field} = {EqualsValue}";
}
