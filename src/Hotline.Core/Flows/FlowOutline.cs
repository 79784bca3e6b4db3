namespace Hotline.Core.Flows;

/// <summary>
/// What the parser read from a flow file, with the lines an error must point at: the input of
/// <see cref="FlowValidator"/>. It holds broken nodes too, so one run reports every problem.
/// </summary>
internal sealed class FlowOutline
{
    public required IReadOnlyList<string> Languages { get; init; }
    public string? Start { get; init; }
    public int StartLine { get; init; }
    public string? Fallback { get; init; }
    public int FallbackLine { get; init; }
    public List<NodeOutline> Nodes { get; } = [];
    public List<TranslatedText> Texts { get; } = [];

    /// <summary>How errors name a node: "node 'x'".</summary>
    public static string Place(string nodeId) => $"node '{nodeId}'";
}
