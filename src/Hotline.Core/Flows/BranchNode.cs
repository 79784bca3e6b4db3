namespace Hotline.Core.Flows;

/// <summary>Goes to the first rule that matches, else to <see cref="Otherwise"/>. Never waits for the caller.</summary>
public sealed class BranchNode : FlowNode
{
    public required IReadOnlyList<BranchRule> Rules { get; init; }
    public required string Otherwise { get; init; }

    public override IEnumerable<string> Targets => Rules.Select(r => r.Next).Append(Otherwise);

    public string Choose(IReadOnlyDictionary<string, string> answers, bool open) =>
        Rules.FirstOrDefault(r => r.Matches(answers, open))?.Next ?? Otherwise;
}
