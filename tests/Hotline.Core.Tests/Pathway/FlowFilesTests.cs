using Hotline.Core.Pathway;
using Hotline.Core.Referrals;

namespace Hotline.Core.Tests.Pathway;

/// <summary>Every pathway and agency file that ships must load, or start-up would fail in production.</summary>
public class FlowFilesTests
{
    public static TheoryData<string> PathwayFiles() =>
        new(Directory.GetFiles(RepositoryFiles.FlowsDirectory, "pathway.*.yaml").Select(Path.GetFileName)!);

    public static TheoryData<string> AgencyFiles() =>
        new(Directory.GetFiles(RepositoryFiles.FlowsDirectory, "agencies*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(PathwayFiles))]
    public void LoadFile_EveryPathwayFile_Loads(string fileName)
    {
        var definition = PathwayLoader.LoadFile(RepositoryFiles.Flow(fileName));

        Assert.NotEmpty(definition.Rules);
        Assert.Contains(definition.Rules, r => r.Id == "child-mandatory");
    }

    [Theory]
    [MemberData(nameof(AgencyFiles))]
    public void Load_EveryAgencyFile_Loads(string fileName)
    {
        var entries = AgencyDirectoryFile.Load(RepositoryFiles.Flow(fileName));

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.NotEmpty(e.Channels));
    }

    [Fact]
    public void FlowsDirectory_HasBothPathwaysAndSampleDirectory()
    {
        Assert.True(File.Exists(RepositoryFiles.Flow("pathway.national.yaml")));
        Assert.True(File.Exists(RepositoryFiles.Flow("pathway.uk.yaml")));
        Assert.True(File.Exists(RepositoryFiles.Flow("agencies.sample.yaml")));
    }
}
