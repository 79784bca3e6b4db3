namespace Hotline.Core.Flows;

/// <summary>
/// Loads a flow file: <see cref="FlowParser"/> reads it, then <see cref="FlowValidator"/> checks the flow as a whole.
/// Any problem throws <see cref="FlowValidationException"/> listing every error of both, in line order.
/// </summary>
public static class FlowLoader
{
    public static Flow LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public static Flow Parse(string yaml, string fileName)
    {
        var parser = new FlowParser(fileName);
        var (flow, outline) = parser.Parse(yaml);
        var errors = parser.Errors.Concat(new FlowValidator(fileName).Validate(outline))
            .Concat(flow is null ? [] : HotlineNaming.Check(flow))
            .Concat(flow is null ? [] : HotlineNaming.CheckCallbackVoicemail(flow)).OrderBy(e => e.Line).ToList();
        if (errors.Count > 0)
            throw new FlowValidationException(errors);
        return flow!;
    }

    /// <summary>
    /// Pathway rules are named pathway.*.yaml, the agency directory agencies*.yaml, the public pages' texts
    /// public-pages*.yaml; every other file here is a flow.
    /// </summary>
    public static bool IsFlowFile(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith("pathway.", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("agencies", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("public-pages", StringComparison.OrdinalIgnoreCase);
    }
}
