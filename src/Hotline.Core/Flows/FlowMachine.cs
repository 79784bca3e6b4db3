using System.Collections.ObjectModel;
using Stateless;

namespace Hotline.Core.Flows;

/// <summary>The mutable holder a Stateless machine reads and writes its state through; one per call turn.</summary>
internal sealed class FlowCursor
{
    public required string Node { get; set; }
    public IReadOnlyDictionary<string, string> Answers { get; set; } = ReadOnlyDictionary<string, string>.Empty;
    public bool Open { get; set; }
    /// <summary>The caller gave no usable number: a fact of the call, not an answer, so it is not in <see cref="Answers"/>.</summary>
    public bool NumberWithheld { get; init; }
}

/// <summary>
/// Builds the Stateless machine of a flow around a <see cref="FlowCursor"/>: states are node ids, triggers are
/// option keys ("1"), "noinput", "next" (say/branch) and "fallback" (too many invalid answers).
/// A machine is not thread-safe, so each caller turn gets its own; a turn configures only the nodes it passes
/// through (<see cref="Create"/> and <see cref="Configure"/>), the flow graph all of them (<see cref="Build"/>).
/// </summary>
internal static class FlowMachine
{
    public const string Next = "next";
    public const string NoInput = "noinput";
    public const string Fallback = "fallback";

    /// <summary>The whole flow's machine, every node configured (for drawing the flow).</summary>
    public static StateMachine<string, string> Build(Flow flow, FlowCursor cursor)
    {
        var machine = Create(flow, cursor);
        foreach (var node in flow.Nodes.Values) Configure(machine, flow, cursor, node);
        return machine;
    }

    /// <summary>A machine with no node configured yet; <see cref="Configure"/> adds a node's ways out.</summary>
    public static StateMachine<string, string> Create(Flow flow, FlowCursor cursor)
    {
        var machine = new StateMachine<string, string>(() => cursor.Node, s => cursor.Node = s);
        machine.OnUnhandledTrigger((state, trigger) =>
            throw new InvalidOperationException($"Flow '{flow.Id}': node '{state}' has no way out for '{trigger}'."));
        return machine;
    }

    public static void Configure(StateMachine<string, string> machine, Flow flow, FlowCursor cursor, FlowNode node)
    {
        var config = machine.Configure(node.Id);
        switch (node)
        {
            case SayNode say:
                config.Permit(Next, say.Next);
                break;
            case AskNode ask:
                foreach (var option in ask.Options)
                    PermitTo(config, option.Key, ask.Id, option.Next);
                if (ask.NoInput is { } noInput)
                    PermitTo(config, NoInput, ask.Id, noInput);
                if (ask.Id != flow.FallbackNode)
                    config.Permit(Fallback, flow.FallbackNode);
                break;
            case BranchNode branch:
                // Rules are ordered; guard i holds only when rule i is the FIRST match, so guards are
                // mutually exclusive as Stateless requires, and side-effect free.
                for (var i = 0; i < branch.Rules.Count; i++)
                {
                    var index = i;
                    config.PermitIf(Next, branch.Rules[i].Next, () => branch.FirstMatch(cursor) == index, branch.Rules[i].Description);
                }
                config.PermitIf(Next, branch.Otherwise, () => branch.FirstMatch(cursor) < 0, "otherwise");
                break;
            case TerminalNode:
                break;
        }
    }

    private static void PermitTo(StateMachine<string, string>.StateConfiguration config, string trigger, string self, string target)
    {
        // Stateless refuses Permit to the same state; re-asking the same question is a re-entry.
        if (target == self)
            config.PermitReentry(trigger);
        else
            config.Permit(trigger, target);
    }
}
