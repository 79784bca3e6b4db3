namespace Hotline.Core.Flows;

/// <summary>One problem found in a flow file, pointing at the line to fix.</summary>
public sealed record FlowError(string File, int Line, string? Node, string Reason)
{
    public override string ToString() =>
        Node is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: node '{Node}': {Reason}";
}
