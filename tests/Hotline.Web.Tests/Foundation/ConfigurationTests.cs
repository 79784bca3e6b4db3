using System.Text.RegularExpressions;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Hotline.Web.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Hotline.Web.Tests.Foundation;

public class ConfigurationTests
{
    [Fact]
    public void From_MissingAuthToken_FailsNamingTheKey()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hotline"] = "Host=x",
            ["Twilio:AccountSid"] = "AC1",
            ["Twilio:PhoneNumber"] = "+1555",
        }).Build();
        var e = Assert.Throws<ConfigurationException>(() => HotlineSettings.From(config, AppContext.BaseDirectory));
        Assert.Contains("Twilio:AuthToken is missing", e.Message);
        Assert.Contains("Twilio__AuthToken", e.Message);
        Assert.DoesNotContain("\n", e.Message);
    }

    [Fact]
    public void From_ShortSecret_FailsWithHowToMakeOne()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:CallerHashKey"] = Convert.ToBase64String(new byte[8]),
        }).Build();
        var e = Assert.Throws<ConfigurationException>(() => HotlineSettings.From(config, AppContext.BaseDirectory));
        Assert.Contains("Hotline:CallerHashKey must be at least 32 random bytes", e.Message);
    }

    [Fact]
    public void IsOperatorFixable_BrokenFlowAndPathwayFiles_PrintEveryErrorWithFileAndLine()
    {
        var flow = Path.Combine(Path.GetTempPath(), $"broken-flow-{Guid.NewGuid():N}.yaml");
        var pathway = Path.Combine(Path.GetTempPath(), $"pathway.broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(flow, "id: x\nname: [y]\nlanguages: [en]\ntime_zone: Mars/Olympus\n");
        File.WriteAllText(pathway, "pathway: x\nretention_days: none\n");
        try
        {
            // Program prints the message of an operator-fixable error as it is: one file:line: line per error.
            var loads = new (string File, Action Load)[]
                { (flow, () => FlowLoader.LoadFile(flow)), (pathway, () => PathwayLoader.LoadFile(pathway)) };
            foreach (var (file, load) in loads)
            {
                var e = Assert.ThrowsAny<Exception>(load);
                Assert.True(HostCommands.IsOperatorFixable(e));
                var lines = e.Message.Split(Environment.NewLine);
                Assert.True(lines.Length > 1);
                Assert.All(lines, line => Assert.Matches($"^(.*/)?{Regex.Escape(Path.GetFileName(file))}:[0-9]+: ", line));
            }
        }
        finally
        {
            File.Delete(flow);
            File.Delete(pathway);
        }
    }
}
