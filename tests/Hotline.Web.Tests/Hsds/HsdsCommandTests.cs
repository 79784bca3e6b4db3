using System.Text.Json.Nodes;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Hsds;

/// <summary><c>dotnet Hotline.Web.dll agencies export|import FILE</c>, run as operators run it, in a process of its own.</summary>
public sealed class HsdsCommandTests(AppFixture fixture) : IClassFixture<AppFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hsds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        ServiceProcess.RunCommandAsync(fixture.ConnectionString, fixture.Twilio, args);

    private Task<string?> DirectoryAsync() => TestPostgres.ScalarAsync<string>(fixture.ConnectionString,
        "SELECT string_agg(a.\"Name\" || a.\"PathwayOrder\" || a.\"Languages\"::text || c.\"Address\", ',' "
        + "ORDER BY a.\"Id\", c.\"Position\") "
        + "FROM agencies a JOIN agency_channels c ON c.\"AgencyId\" = a.\"Id\"");

    [Fact]
    public async Task ExportThenImport_SameFile_ExitZeroAndNothingChanges()
    {
        var file = Path.Combine(_folder, "directory.json");
        var before = await DirectoryAsync();

        var export = await RunAsync("agencies", "export", file);
        Assert.True(export.ExitCode == 0, export.Output);
        var organizations = JsonNode.Parse(await File.ReadAllTextAsync(file))!["organizations"]!.AsArray();
        Assert.Equal(12, organizations.Count);

        var import = await RunAsync("agencies", "import", file);
        Assert.True(import.ExitCode == 0, import.Output);
        Assert.Contains("0 added, 0 updated, 12 unchanged", import.Output);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task ImportBadFile_ExitNonZeroPrintsEveryErrorWithItsPathAndChangesNothing()
    {
        var good = Path.Combine(_folder, "good.json");
        Assert.Equal(0, (await RunAsync("agencies", "export", good)).ExitCode);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(good))!.AsObject();
        HsdsSamples.Organization(file, 0)["name"] = "A Change That Must Not Land";
        HsdsSamples.Organization(file, 1)["id"] = "nope";
        HsdsSamples.Service(file, 2)["status"] = "open";
        var bad = Path.Combine(_folder, "bad.json");
        await File.WriteAllBytesAsync(bad, HsdsSamples.Bytes(file));
        var before = await DirectoryAsync();

        var (exitCode, output) = await RunAsync("agencies", "import", bad);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("$.organizations[1].id", output);
        Assert.Contains("$.organizations[2].services[0].status", output);
        Assert.Contains("nothing imported", output);
        Assert.Equal(before, await DirectoryAsync());
    }
}
