namespace Hotline.Core.Tests.Pathway;

/// <summary>Finds the repository (and its flows/ folder), so tests check the files that actually ship.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder that holds HotlineService.sln.</summary>
    public static string Root { get; } = Find();

    public static string FlowsDirectory { get; } = Path.Combine(Root, "flows");

    public static string Flow(string fileName) => Path.Combine(FlowsDirectory, fileName);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HotlineService.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HotlineService.sln not found above the test output folder");
    }
}
