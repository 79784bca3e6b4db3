using Hotline.Core.Yaml;

namespace Hotline.Core.Pathway;

/// <summary>
/// Thrown at start-up when a pathway or agency directory file is wrong: the directory is the other half of the
/// pathway and is fixed by the same people.
/// </summary>
public sealed class PathwayValidationException(IReadOnlyList<YamlFileError> errors) : YamlFileException(errors);
