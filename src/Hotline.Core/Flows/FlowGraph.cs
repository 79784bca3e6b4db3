using Stateless.Graph;
using Stateless.Reflection;

namespace Hotline.Core.Flows;

/// <summary>Pictures of a flow for the console, exported from the same Stateless machine the engine runs.</summary>
public static class FlowGraph
{
    public static string ToMermaid(Flow flow) => MermaidGraph.Format(Info(flow));

    public static string ToDot(Flow flow) => UmlDotGraph.Format(Info(flow));

    private static StateMachineInfo Info(Flow flow) =>
        FlowMachine.Build(flow, new FlowCursor { Node = flow.StartNode }).GetInfo();
}
