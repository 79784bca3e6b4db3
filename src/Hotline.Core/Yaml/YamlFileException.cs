namespace Hotline.Core.Yaml;

/// <summary>
/// Thrown at load when a data file has errors. The message lists every error, one per line, so whoever edits the
/// file fixes them in one pass instead of one restart per typo, and start-up prints exactly that.
/// </summary>
public class YamlFileException(IReadOnlyList<YamlFileError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<YamlFileError> Errors { get; } = errors;
}
