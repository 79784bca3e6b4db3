namespace Hotline.Core.Flows;

/// <summary>Plays a message, then moves on to <see cref="Next"/> without waiting.</summary>
public sealed class SayNode : FlowNode
{
    public required FlowText Text { get; init; }
    public required string Next { get; init; }

    public override IEnumerable<string> Targets => [Next];
}
