using Hotline.Core.Yaml;

namespace Hotline.Core.Flows;

/// <summary>Thrown at load when a flow file has errors.</summary>
public sealed class FlowValidationException(IReadOnlyList<YamlFileError> errors) : YamlFileException(errors);
