namespace Hotline.Core.Flows;

/// <summary>The end of the automated part: hand to the operator queue, record a voicemail, or hang up.</summary>
public sealed class TerminalNode : FlowNode
{
    public required TerminalKind Action { get; init; }
    public FlowText? Message { get; init; }

    public override IEnumerable<string> Targets => [];
}
