namespace Hotline.Core.Flows;

/// <summary>Loads and validates flow files. Any problem throws <see cref="FlowValidationException"/> listing all errors.</summary>
public static class FlowLoader
{
    public static Flow LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public static Flow Parse(string yaml, string fileName) => new FlowParser(fileName).Parse(yaml);

    /// <summary>Pathway rules are named pathway.*.yaml and the agency directory agencies*.yaml.</summary>
    public static bool IsFlowFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith("pathway.", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("agencies", StringComparison.OrdinalIgnoreCase);
    }
}
