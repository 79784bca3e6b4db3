namespace Hotline.Core.Flows;

/// <summary>Loads and validates flow files. Any problem throws <see cref="FlowValidationException"/> listing all errors.</summary>
public static class FlowLoader
{
    public static Flow LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public static Flow Parse(string yaml, string fileName) => new FlowParser(fileName).Parse(yaml);

    /// <summary>
    /// Loads every flow file of a folder (*.yaml / *.yml, except the pathway rules and agency directory that
    /// share the folder); reports the errors of all files together and duplicate ids.
    /// </summary>
    public static IReadOnlyList<Flow> LoadDirectory(string directory)
    {
        var flows = new List<Flow>();
        var errors = new List<FlowError>();
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml"))
            .Where(IsFlowFile).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                var flow = LoadFile(file);
                if (flows.FirstOrDefault(f => f.Id == flow.Id) is { } other)
                    errors.Add(new FlowError(file, 1, null, $"flow id '{flow.Id}' is already used by {other.SourceFile}"));
                else
                    flows.Add(flow);
            }
            catch (FlowValidationException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }
        if (errors.Count > 0)
            throw new FlowValidationException(errors);
        return flows;
    }

    /// <summary>Pathway rules are named pathway.*.yaml and the agency directory agencies*.yaml.</summary>
    public static bool IsFlowFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith("pathway.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("agencies", StringComparison.OrdinalIgnoreCase);
    }
}
