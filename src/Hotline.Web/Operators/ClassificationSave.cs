namespace Hotline.Web.Operators;

/// <summary>
/// How a classification save went. When something was refused, <see cref="Form"/> is what the page shows
/// again: the operator's input kept, with the version it now answers to.
/// </summary>
public sealed record ClassificationSave(
    string? Problem, ClassificationForm? Form, IReadOnlyList<FieldConflict> Conflicts, IReadOnlyList<string> Changed)
{
    public static ClassificationSave Saved(IReadOnlyList<string> changed) => new(null, null, [], changed);

    public static ClassificationSave Refused(string problem) => new(problem, null, [], []);

    /// <summary>Nothing saved; the operator's input goes back on the form, against the version they have not seen yet.</summary>
    public static ClassificationSave Kept(ClassificationForm submitted, string problem, string? field = null) =>
        new(problem, submitted, [], []) { Field = field };

    /// <summary>The form field the problem is about (its model key), or null for the form as a whole.</summary>
    public string? Field { get; init; }
}
