namespace Hotline.Core.Pathway;

/// <summary>
/// Thrown at start-up when a pathway or agency directory file is wrong. Lists every error at once,
/// so whoever edits the file fixes them in one pass instead of one restart per typo.
/// </summary>
public sealed class PathwayValidationException : Exception
{
    public PathwayValidationException(IReadOnlyList<PathwayValidationError> errors)
        : base(FormatMessage(errors)) => Errors = errors;

    public IReadOnlyList<PathwayValidationError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<PathwayValidationError> errors) =>
        $"{errors.Count} error(s) in pathway data:{Environment.NewLine}" +
        string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}
