using System.Globalization;
using Hotline.Core.Tests.Pathway;

namespace Hotline.Core.Tests.Style;

/// <summary>
/// Lines stay within 140 characters (max_line_length in .editorconfig) so that diffs stay readable. The compiler has no
/// such rule, so this test is the check: every .cs and .cshtml file under src, tests, bench and tools, except the
/// migrations EF Core generates.
/// </summary>
public class LineLengthTests
{
    private const int MaxLineLength = 140;
    private static readonly string[] Folders = ["src", "tests", "bench", "tools"];
    private static readonly string[] Extensions = ["*.cs", "*.cshtml"];

    [Fact]
    public void SourceLines_AreAtMost140Characters()
    {
        var tooLong = new List<string>();
        foreach (var file in SourceFiles())
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                var length = line.EnumerateRunes().Count();
                if (length > MaxLineLength)
                {
                    var relative = Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/');
                    tooLong.Add(string.Create(CultureInfo.InvariantCulture, $"{relative}:{number}: {length} characters"));
                }
            }
        }

        Assert.True(tooLong.Count == 0, $"Lines over {MaxLineLength} characters (wrap them):\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void SourceFiles_AreFound()
    {
        var files = SourceFiles().ToList();
        Assert.Contains(files, f => f.EndsWith("LineLengthTests.cs", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".cshtml", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles() =>
        from folder in Folders
        let path = Path.Combine(RepositoryFiles.Root, folder)
        where Directory.Exists(path)
        from pattern in Extensions
        from file in Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories)
        where !IsSkipped(Path.GetRelativePath(RepositoryFiles.Root, file))
        orderby file
        select file;

    /// <summary>Build output, and the migrations EF Core generates (they are regenerated, never edited).</summary>
    private static bool IsSkipped(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return parts.Contains("bin") || parts.Contains("obj")
            || relative.Replace('\\', '/').StartsWith("src/Hotline.Web/Data/Migrations/", StringComparison.Ordinal);
    }
}
