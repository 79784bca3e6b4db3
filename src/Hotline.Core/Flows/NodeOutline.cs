namespace Hotline.Core.Flows;

/// <summary>One declared node as written, whether or not it parsed.</summary>
internal sealed class NodeOutline(string id, int line, NodeKind kind)
{
    public string Id { get; } = id;
    public int Line { get; } = line;
    public NodeKind Kind { get; } = kind;

    /// <summary>The ways out written in the file: say 'next', branch 'otherwise', ask options (null: not a list).</summary>
    public int? WaysOut { get; set; }

    public List<NodeExit> Exits { get; } = [];

    /// <summary>The parsed node; null when the node itself has errors.</summary>
    public FlowNode? Parsed { get; set; }
}
