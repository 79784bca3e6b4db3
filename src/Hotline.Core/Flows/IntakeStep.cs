namespace Hotline.Core.Flows;

public sealed record IntakeStep(
    IntakeState State, IReadOnlyList<RecordedAnswer> NewAnswers, IntakeReply Reply, bool InputAccepted)
{
    /// <summary>Node ids passed through during this turn, in order (say/branch nodes and the node it stopped at).</summary>
    public IReadOnlyList<string> PassedNodes { get; init; } = [];
}
