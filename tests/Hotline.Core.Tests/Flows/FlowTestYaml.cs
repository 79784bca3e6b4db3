using Hotline.Core.Flows;
using Hotline.Core.Yaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>Small changes to <see cref="FlowValidationTests.Valid"/> and the errors they give, with lines found by text.</summary>
internal static class FlowTestYaml
{
    public const string FileName = "test.yaml";

    public static string Change(string from, string to) => Change(FlowValidationTests.Valid, from, to);

    public static string Change(string yaml, string from, string to)
    {
        Assert.Contains(from, yaml);
        return yaml.Replace(from, to);
    }

    public static IReadOnlyList<YamlFileError> Errors(string yaml) =>
        Assert.Throws<FlowValidationException>(() => FlowLoader.Parse(yaml, FileName)).Errors;

    /// <summary>The 1-based line of the first line holding <paramref name="fragment"/>.</summary>
    public static int LineOf(string yaml, string fragment)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{fragment}' is not in the flow");
        return index + 1;
    }

    public static void AssertError(IReadOnlyList<YamlFileError> errors, string? where, string reason, int line) =>
        Assert.Contains(errors, e => e.Where == where && e.Reason.Contains(reason, StringComparison.Ordinal) && e.Line == line);
}
