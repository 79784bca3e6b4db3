namespace Hotline.Core.Yaml;

/// <summary>
/// One problem in a data file under flows/, pointing at the line an editor should open. Every file (flows,
/// pathway rules, the agency directory) reports in this one format: <c>file:line: where: what</c>, where
/// <paramref name="Where"/> names the part of the file (a node, a rule) or is left out at the top level.
/// </summary>
public sealed record YamlFileError(string File, int Line, string? Where, string Reason)
{
    public override string ToString() =>
        Where is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: {Where}: {Reason}";
}
