using System.Collections.ObjectModel;
using Hotline.Core.Cases;
using Stateless;

namespace Hotline.Core.Flows;

/// <summary>
/// Runs a flow one caller turn at a time. Pure: the caller's position lives in <see cref="IntakeState"/>, which the
/// web layer stores; the engine keeps no mutable state, so one instance serves all calls concurrently.
/// </summary>
public sealed class IntakeEngine(Flow flow)
{
    public Flow Flow { get; } = flow ?? throw new ArgumentNullException(nameof(flow));

    private static readonly IReadOnlyDictionary<string, string> NoAnswers = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>
    /// Step 0: plays say nodes and follows branches from the start node until a question or terminal.
    /// <paramref name="numberWithheld"/>: the caller gave no usable number (see Hotline.Core.Callers.CallerNumber).
    /// <paramref name="channel"/>: how they reached us, which picks the version of every text (kept in the state).
    /// </summary>
    public IntakeStep Start(DateTimeOffset now, bool numberWithheld = false, Channel channel = Channel.Voice)
    {
        var turn = new Turn(Flow, Flow.StartNode, NoAnswers, Flow.DefaultLanguage, now, numberWithheld, channel);
        turn.RunAutomatic();
        var state = new IntakeState(turn.Cursor.Node, turn.Language, 0, 0, NoAnswers, numberWithheld, channel);
        return new IntakeStep(state, [], turn.Reply(), InputAccepted: true) { PassedNodes = turn.Passed };
    }

    /// <summary>One caller turn: a keypress, a speech result or an SMS body (or silence).</summary>
    public IntakeStep Answer(IntakeState state, CallerInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var node = NodeOf(state);
        var language = Flow.LanguageOrDefault(state.Language);
        if (node is not AskNode ask)
            return new IntakeStep(state, [], Current(state, now), InputAccepted: false);

        var turn = new Turn(Flow, ask.Id, state.Answers, language, now, state.NumberWithheld, state.Channel);
        var (trigger, option) = Match(ask, input, language);
        if (trigger is not null && !turn.CanFire(trigger))
            trigger = null;
        if (trigger is null)
        {
            var attempts = state.InvalidAttempts + 1;
            turn.Messages.Add(Flow.Message(MessageKeys.Invalid, language, state.Channel));
            if (attempts >= Flow.MaxInvalidAttempts)
            {
                // Never hang up on a caller for a wrong key: hand them to a person.
                turn.Fire(FlowMachine.Fallback);
                turn.RunAutomatic();
            }
            else
            {
                turn.Passed.Add(ask.Id);
            }
            var next = state with { NodeId = turn.Cursor.Node, Language = language, Step = state.Step + 1, InvalidAttempts = attempts };
            return new IntakeStep(next, [], turn.Reply(), InputAccepted: false) { PassedNodes = turn.Passed };
        }

        var answers = new Dictionary<string, string>(state.Answers, StringComparer.Ordinal);
        var recorded = new List<RecordedAnswer>();
        if (option is not null)
        {
            answers[ask.Field] = option.Value;
            recorded.Add(new RecordedAnswer(ask.Id, ask.Field, option.Value));
            if (option.Language is { } chosen)
                language = chosen;
        }
        turn.Language = language;
        turn.Cursor.Answers = answers;
        turn.Fire(trigger);
        turn.RunAutomatic();
        var newState = state with { NodeId = turn.Cursor.Node, Language = language, Step = state.Step + 1, InvalidAttempts = 0,
            Answers = answers.AsReadOnly() };
        return new IntakeStep(newState, recorded, turn.Reply(), InputAccepted: true) { PassedNodes = turn.Passed };
    }

    /// <summary>Re-renders where the caller is, changing nothing (for repeated or stale webhooks).</summary>
    public IntakeReply Current(IntakeState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var node = NodeOf(state);
        var turn = new Turn(
            Flow, node.Id, state.Answers, Flow.LanguageOrDefault(state.Language), now, state.NumberWithheld, state.Channel);
        if (node is SayNode or BranchNode)
            turn.RunAutomatic();
        else if (node is TerminalNode { Message: { } message })
            turn.Messages.Add(Flow.Render(message, turn.Language, state.Channel));
        return turn.Reply();
    }

    private FlowNode NodeOf(IntakeState state) =>
        Flow.Nodes.TryGetValue(state.NodeId, out var node)
            ? node
            : throw new ArgumentException($"Flow '{Flow.Id}' has no node '{state.NodeId}'.", nameof(state));

    /// <summary>Digits first, then the option key or keywords in the caller's language found in the text.</summary>
    private (string? Trigger, AskOption? Option) Match(AskNode ask, CallerInput input, string language)
    {
        if (input.IsSilence)
            return ask.NoInput is null ? (null, null) : (FlowMachine.NoInput, null);

        var digits = input.Digits?.Trim();
        if (!string.IsNullOrEmpty(digits) && ask.Options.FirstOrDefault(o => o.Key == digits) is { } byDigit)
            return (byDigit.Key, byDigit);

        var text = TextMatching.Normalize(input.Text);
        if (text.Length == 0)
            return (null, null);
        if (ask.Options.FirstOrDefault(o => o.Key == text) is { } byKey)
            return (byKey.Key, byKey);
        var option = BestKeyword(ask, text, [language]);
        // A caller choosing their language may well say it in that language.
        if (option is null && ask.Field == IntakeFields.Language)
            option = BestKeyword(ask, text, Flow.Languages);
        return option is null ? (null, null) : (option.Key, option);
    }

    /// <summary>
    /// The one option whose keyword or label appears in the text. A match inside another option's longer match
    /// gives way ("no" inside "no se" means unsure); two separate matches ("yes no") are ambiguous, hence invalid.
    /// </summary>
    private static AskOption? BestKeyword(AskNode ask, string text, IReadOnlyList<string> languages)
    {
        var matches = new List<(AskOption Option, string Phrase)>();
        foreach (var option in ask.Options)
        {
            var words = languages.SelectMany(l => option.Phrases.TryGetValue(l, out var p) ? p : []);
            if (TextMatching.LongestMatch(text, words) is { } phrase)
                matches.Add((option, phrase));
        }
        var kept = matches.Where(m => !matches.Any(o => o.Option != m.Option && TextMatching.IsPartOf(m.Phrase, o.Phrase))).ToList();
        return kept.Count == 1 ? kept[0].Option : null;
    }

    /// <summary>One turn's working set: the cursor, its machine, and what the caller will hear.</summary>
    private sealed class Turn
    {
        private readonly Flow flow;
        private readonly StateMachine<string, string> machine;
        // A turn passes through a few nodes of a flow of dozens: each is configured when the turn reaches it.
        private readonly HashSet<string> configured = new(StringComparer.Ordinal);
        private readonly Channel _channel;

        public Turn(
            Flow flow, string node, IReadOnlyDictionary<string, string> answers, string language, DateTimeOffset now,
            bool numberWithheld, Channel channel)
        {
            this.flow = flow;
            _channel = channel;
            Cursor = new FlowCursor { Node = node, Answers = answers, Open = flow.IsOpen(now), NumberWithheld = numberWithheld };
            machine = FlowMachine.Create(flow, Cursor);
            Language = language;
        }

        public FlowCursor Cursor { get; }
        public string Language { get; set; }
        public List<string> Messages { get; } = [];
        public List<string> Passed { get; } = [];

        public bool CanFire(string trigger) => Here().CanFire(trigger);

        public void Fire(string trigger) => Here().Fire(trigger);

        private StateMachine<string, string> Here()
        {
            if (configured.Add(Cursor.Node)) FlowMachine.Configure(machine, flow, Cursor, flow.Nodes[Cursor.Node]);
            return machine;
        }

        public void RunAutomatic()
        {
            // Validation rejects say/branch loops; the bound is a second line of defence.
            for (var hops = 0; hops <= flow.Nodes.Count; hops++)
            {
                var node = flow.Nodes[Cursor.Node];
                Passed.Add(node.Id);
                switch (node)
                {
                    case SayNode say:
                        Messages.Add(flow.Render(say.Text, Language, _channel));
                        Fire(FlowMachine.Next);
                        break;
                    case BranchNode:
                        Fire(FlowMachine.Next);
                        break;
                    case TerminalNode { Message: { } message }:
                        Messages.Add(flow.Render(message, Language, _channel));
                        return;
                    default:
                        return;
                }
            }
            throw new InvalidOperationException($"Flow '{flow.Id}' loops through say/branch nodes at '{Cursor.Node}'.");
        }

        public IntakeReply Reply() => flow.Nodes[Cursor.Node] switch
        {
            AskNode ask => new IntakeReply(Language, Messages, Prompt(ask), null),
            TerminalNode terminal => new IntakeReply(Language, Messages, null, new TerminalAction(terminal.Action, terminal.Id)),
            var other => throw new InvalidOperationException($"Flow '{flow.Id}' stopped at non-waiting node '{other.Id}'."),
        };

        private PromptSpec Prompt(AskNode ask) => new(
            ask.Id,
            flow.Render(ask.Prompt, Language, _channel),
            ask.Mode,
            ask.Options.Max(o => o.Key.Length),
            ask.TimeoutSeconds,
            ask.Options.Select(o => new MenuOption(o.Key, flow.Render(o.Label, Language, _channel))).ToArray());
    }
}
