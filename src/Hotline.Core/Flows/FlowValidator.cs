using Hotline.Core.Yaml;

namespace Hotline.Core.Flows;

/// <summary>
/// The checks of a flow as a whole, run by <see cref="FlowLoader"/> after parsing: every text in every declared
/// language, no dead ends, every target known, every node reachable, no loop that never waits for the caller, and a
/// fallback that hands the caller to a person.
/// </summary>
internal sealed class FlowValidator(string file)
{
    private readonly List<YamlFileError> errors = [];

    public IReadOnlyList<YamlFileError> Validate(FlowOutline flow)
    {
        CheckTranslations(flow);
        CheckWaysOut(flow);
        var declared = flow.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        CheckTargets(flow, declared);
        if (flow.Start is not null && declared.ContainsKey(flow.Start))
        {
            CheckReachable(flow, declared);
            CheckAutomaticLoops(flow, declared);
            CheckCallbackQuestionsNeedANumber(flow, declared);
        }
        return errors;
    }

    private void CheckTranslations(FlowOutline flow)
    {
        foreach (var text in flow.Texts)
        {
            foreach (var (key, line) in text.LanguageLines.Where(l => !flow.Languages.Contains(l.Key)))
                Error(line, text.Where, UnknownKey(flow, text, key));
            foreach (var language in flow.Languages.Where(l => !text.LanguageLines.ContainsKey(l)))
                Error(text.Line, text.Where, $"missing '{language}' translation of {text.What}");
        }
    }

    private static string UnknownKey(FlowOutline flow, TranslatedText text, string key)
    {
        var languages = string.Join(", ", flow.Languages);
        if (!text.ChannelsAllowed)
        {
            return TextChannels.Keys.Contains(key)
                ? $"'{key}' inside {text.What}: channel versions cannot be nested; give languages ({languages}) only"
                : $"unknown language '{key}' in {text.What} (declared: {languages})";
        }
        return $"unknown key '{key}' in {text.What}: neither a declared language ({languages}) "
            + $"nor a channel ({string.Join(", ", TextChannels.Keys)})";
    }

    private void CheckWaysOut(FlowOutline flow)
    {
        foreach (var node in flow.Nodes.Where(n => n.WaysOut == 0))
        {
            var reason = node.Kind switch
            {
                NodeKind.Say => "say node has no 'next' (no way out)",
                NodeKind.Ask => "ask node has no options (no way out)",
                NodeKind.Branch => "branch node has no 'otherwise' (no way out when no condition matches)",
                _ => null,
            };
            if (reason is not null)
                Error(node.Line, FlowOutline.Place(node.Id), reason);
        }
    }

    private void CheckTargets(FlowOutline flow, Dictionary<string, NodeOutline> declared)
    {
        foreach (var node in flow.Nodes)
        {
            foreach (var exit in node.Exits)
            {
                if (!declared.ContainsKey(exit.To))
                    Error(exit.Line, FlowOutline.Place(node.Id), $"unknown target node '{exit.To}'");
                else if (exit.Automatic && exit.To == node.Id)
                    Error(exit.Line, FlowOutline.Place(node.Id), "a say or branch node cannot go to itself (it would loop forever)");
            }
        }

        if (flow.Start is { } start && !declared.ContainsKey(start))
            Error(flow.StartLine, null, $"start node '{start}' does not exist");
        if (flow.Fallback is not { } fallback)
            return;
        if (!declared.TryGetValue(fallback, out var target))
        {
            Error(flow.FallbackLine, null, $"fallback node '{fallback}' does not exist");
        }
        else if (target.Parsed is not null and not TerminalNode { Action: TerminalKind.Queue })
        {
            Error(flow.FallbackLine, FlowOutline.Place(fallback),
                "the fallback node must be an operator-queue terminal (action: queue): callers are never hung up on for a wrong key");
        }
    }

    private void CheckReachable(FlowOutline flow, Dictionary<string, NodeOutline> declared)
    {
        // The fallback is reachable from any question, so it counts as reached.
        var reached = new HashSet<string>(StringComparer.Ordinal) { flow.Start! };
        if (flow.Fallback is not null)
            reached.Add(flow.Fallback);
        var pending = new Queue<string>(reached);
        while (pending.TryDequeue(out var current))
        {
            foreach (var exit in declared.TryGetValue(current, out var node) ? node.Exits : [])
            {
                if (declared.ContainsKey(exit.To) && reached.Add(exit.To))
                    pending.Enqueue(exit.To);
            }
        }

        foreach (var node in flow.Nodes.Where(n => !reached.Contains(n.Id)))
            Error(node.Line, FlowOutline.Place(node.Id), $"unreachable from the start node '{flow.Start}'");
    }

    /// <summary>A loop made only of say/branch nodes never waits for the caller and would spin forever.</summary>
    private void CheckAutomaticLoops(FlowOutline flow, Dictionary<string, NodeOutline> declared)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in flow.Nodes.Where(IsAutomatic))
        {
            if (FindAutomaticLoop(node.Id, declared, state))
            {
                Error(node.Line, FlowOutline.Place(node.Id), "loop of say/branch nodes with no question in between");
                return;
            }
        }
    }

    /// <summary>
    /// A caller whose number is withheld must never be asked whether we may call back (nor when, nor about
    /// voicemail): nobody can make that call. Walks the flow as such a caller would (a branch's first
    /// 'number_withheld: true' rule always matches for them) and refuses any call-back question they can reach.
    /// </summary>
    private void CheckCallbackQuestionsNeedANumber(FlowOutline flow, Dictionary<string, NodeOutline> declared)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { flow.Start! };
        var pending = new Queue<string>(reached);
        while (pending.TryDequeue(out var current))
        {
            if (!declared.TryGetValue(current, out var outline) || outline.Parsed is not { } node)
                continue;
            if (node is AskNode ask && CallbackFields.Contains(ask.Field))
            {
                Error(ask.Line, FlowOutline.Place(ask.Id), $"asks '{ask.Field}' of callers whose number is withheld: "
                    + "put a branch with '- number_withheld: true' before it that goes round the call-back questions");
                continue;
            }
            foreach (var to in WithheldCallerTargets(node))
            {
                if (reached.Add(to))
                    pending.Enqueue(to);
            }
        }
    }

    private static readonly string[] CallbackFields = [
        IntakeFields.CallbackAllowed, IntakeFields.CallbackWindow, IntakeFields.VoicemailAllowed];

    private static IEnumerable<string> WithheldCallerTargets(FlowNode node)
    {
        if (node is not BranchNode branch)
            return node.Targets;
        var targets = new List<string>();
        foreach (var rule in branch.Rules)
        {
            if (rule.NumberWithheld == false)
                continue;
            targets.Add(rule.Next);
            if (rule.NumberWithheld == true)
                return targets; // always matches for them: later rules and 'otherwise' are never taken
        }
        targets.Add(branch.Otherwise);
        return targets;
    }

    private static bool IsAutomatic(NodeOutline node) => node.Kind is NodeKind.Say or NodeKind.Branch;

    private static bool FindAutomaticLoop(string id, Dictionary<string, NodeOutline> declared, Dictionary<string, int> state)
    {
        if (!declared.TryGetValue(id, out var node) || !IsAutomatic(node))
            return false;
        if (state.TryGetValue(id, out var s))
            return s == 1;
        state[id] = 1;
        foreach (var to in node.Exits.Select(e => e.To).Distinct())
        {
            if (to != id && FindAutomaticLoop(to, declared, state))
                return true;
        }

        state[id] = 2;
        return false;
    }

    private void Error(int line, string? where, string reason) => errors.Add(new YamlFileError(file, line, where, reason));
}
