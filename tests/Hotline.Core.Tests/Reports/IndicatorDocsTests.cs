using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

/// <summary>docs/indicators.md is the catalogue, word for word: the page cannot drift from the code.</summary>
public sealed class IndicatorDocsTests
{
    [Fact]
    public void IndicatorsPage_MatchesTheCatalogue()
    {
        var path = Path.Combine(RepositoryRoot(), IndicatorDocs.RelativePath);
        var expected = IndicatorDocs.Markdown();
        if (Environment.GetEnvironmentVariable("HOTLINE_WRITE_DOCS") == "1") File.WriteAllText(path, expected);

        Assert.True(File.Exists(path), $"{IndicatorDocs.RelativePath} is missing; generate it with HOTLINE_WRITE_DOCS=1");
        Assert.True(expected == File.ReadAllText(path).ReplaceLineEndings("\n"),
            $"{IndicatorDocs.RelativePath} differs from IndicatorCatalogue: regenerate it with HOTLINE_WRITE_DOCS=1 " +
            "./hotline test --filter \"FullyQualifiedName~IndicatorDocsTests\"");
    }

    [Fact]
    public void Catalogue_IdsAreUniqueAndEveryDefinitionIsWritten()
    {
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(d => d.Id).Distinct().Count());
        Assert.All(IndicatorCatalogue.All, d => Assert.False(string.IsNullOrWhiteSpace(d.Definition), d.Id));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HotlineService.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("HotlineService.sln not found above " + AppContext.BaseDirectory);
    }
}
