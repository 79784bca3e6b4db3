namespace Hotline.Core.Flows;

/// <summary>A step of a flow. Concrete kinds: <see cref="SayNode"/>, <see cref="AskNode"/>, <see cref="BranchNode"/>,
/// <see cref="TerminalNode"/>.</summary>
public abstract class FlowNode
{
    public required string Id { get; init; }

    /// <summary>Line in the flow file where the node is declared.</summary>
    public required int Line { get; init; }

    /// <summary>Every node this one can lead to (for reachability and graphs).</summary>
    public abstract IEnumerable<string> Targets { get; }
}
