namespace Hotline.Web.Tests.Console;

/// <summary>README.md is the one list of the console's pictures: docs/screenshots holds exactly what it shows.</summary>
public class ReadmeScreenshotTests
{
    [Fact]
    public void DocsScreenshots_HoldExactlyThePicturesReadmeShows()
    {
        var folder = Path.Combine(BrowserFixture.RepositoryRoot(), "docs", "screenshots");
        var files = Directory.GetFiles(folder, "*.png").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var shown = BrowserFixture.ReadmeScreenshots().Order().ToList();

        Assert.NotEmpty(shown);
        Assert.Equal(shown, files);
    }
}
