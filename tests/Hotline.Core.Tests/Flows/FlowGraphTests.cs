using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowFixtures;

namespace Hotline.Core.Tests.Flows;

public class FlowGraphTests
{
    [Fact]
    public void ToMermaid_National_ContainsEveryNodeId()
    {
        var mermaid = FlowGraph.ToMermaid(National);

        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart());
        Assert.All(National.Nodes.Keys, id => Assert.Contains(id, mermaid));
    }

    [Fact]
    public void ToDot_Uk_IsDigraphWithGuardDescriptions()
    {
        var dot = FlowGraph.ToDot(Uk);

        Assert.Contains("digraph", dot);
        Assert.Contains("adviser_queue", dot);
        Assert.Contains("imminentDanger = yes", dot);
    }

    [Fact]
    public void LoadFile_EveryShippedFlowFile_LoadsWithDistinctIds()
    {
        var files = Directory.GetFiles(FlowsDirectory, "*.yaml").Where(FlowLoader.IsFlowFile).Order(StringComparer.Ordinal).ToArray();

        var flows = files.Select(FlowLoader.LoadFile).ToArray();

        Assert.Equal(["national", "uk"], flows.Select(f => f.Id).Order());
        Assert.Equal(flows.Length, flows.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void LoadFile_National_ReadsSettings()
    {
        var flow = National;

        Assert.Equal(["en", "es"], flow.Languages);
        Assert.Equal("en", flow.DefaultLanguage);
        Assert.Equal("911", flow.EmergencyNumber);
        Assert.Equal(new QueueSettings("national-advocates", 120, 30), flow.Queue);
        Assert.Equal(3, flow.MaxInvalidAttempts);
        Assert.Equal(30, flow.SmsInactivityMinutes);
        Assert.Equal("emergency", flow.StartNode);
        Assert.Equal("advocate_queue", flow.FallbackNode);
        Assert.EndsWith("national.yaml", flow.SourceFile);
        Assert.Equal(TimeSpan.FromHours(-6), flow.TimeZone.GetUtcOffset(ChicagoNoon));
    }
}
