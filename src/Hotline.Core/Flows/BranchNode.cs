namespace Hotline.Core.Flows;

/// <summary>Goes to the first rule that matches, else to <see cref="Otherwise"/>. Never waits for the caller.</summary>
public sealed class BranchNode : FlowNode
{
    public required IReadOnlyList<BranchRule> Rules { get; init; }
    public required string Otherwise { get; init; }

    public override IEnumerable<string> Targets => Rules.Select(r => r.Next).Append(Otherwise);

    /// <summary>The index of the first rule that matches, or -1 when none does (go to <see cref="Otherwise"/>).</summary>
    internal int FirstMatch(FlowCursor cursor)
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Matches(cursor))
                return i;
        }

        return -1;
    }
}
