namespace Hotline.Core.Flows;

/// <summary>Asks a question and waits for one caller turn; the answer fills <see cref="Field"/>.</summary>
public sealed class AskNode : FlowNode
{
    public required FlowText Prompt { get; init; }
    public required string Field { get; init; }
    public required InputMode Mode { get; init; }
    public required int TimeoutSeconds { get; init; }
    public required IReadOnlyList<AskOption> Options { get; init; }

    /// <summary>Where silence leads; when null, silence counts as an invalid answer.</summary>
    public string? NoInput { get; init; }

    public override IEnumerable<string> Targets =>
        NoInput is null ? Options.Select(o => o.Next) : Options.Select(o => o.Next).Append(NoInput);
}
