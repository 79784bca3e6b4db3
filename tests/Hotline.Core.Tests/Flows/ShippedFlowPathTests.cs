using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>Walks every path of the shipped flows: every option, silence, and invalid input, open and closed.</summary>
public class ShippedFlowPathTests
{
    private const int MaxTurns = 20;

    public static TheoryData<string> ShippedFlows => new() { "national", "uk" };

    private static Flow FlowById(string id) => id == "national" ? FlowFixtures.National : FlowFixtures.Uk;

    private static (DateTimeOffset Open, DateTimeOffset Closed) Times(string id) =>
        id == "national" ? (FlowFixtures.ChicagoNoon, FlowFixtures.ChicagoNight) : (FlowFixtures.LondonNoon, FlowFixtures.LondonNight);

    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void EveryPath_OpenAndClosed_EndsAtTerminalAndVisitsEveryNode(string id)
    {
        var flow = FlowById(id);
        var (open, closed) = Times(id);
        var visited = new HashSet<string>();
        var terminals = new HashSet<string>();
        var paths = 0;
        foreach (var now in new[] { open, closed })
        {
            Assert.Equal(now == open, flow.IsOpen(now));
            var walker = new Walker(flow, now, visited, terminals);
            var start = walker.Engine.Start(now);
            visited.UnionWith(start.PassedNodes);
            walker.Explore(start, 0);
            paths += walker.Paths;
        }

        Assert.True(paths > 10, $"only {paths} paths explored");
        Assert.Empty(flow.Nodes.Keys.Except(visited));
        Assert.Contains(flow.FallbackNode, terminals);
        Assert.All(terminals, t => Assert.IsType<TerminalNode>(flow.Nodes[t]));
    }

    private sealed class Walker(Flow flow, DateTimeOffset now, HashSet<string> visited, HashSet<string> terminals)
    {
        // Only fields that branches test change where a path can go; other answers need not multiply the walk.
        private readonly string[] routingFields = flow.Nodes.Values.OfType<BranchNode>()
            .SelectMany(b => b.Rules).Select(r => r.Field).OfType<string>().Distinct().ToArray();
        private readonly HashSet<string> seen = [];

        public IntakeEngine Engine { get; } = new(flow);
        public int Paths { get; private set; }

        public void Explore(IntakeStep step, int turns)
        {
            var reply = step.Reply;
            Assert.True((reply.Prompt is null) != (reply.Terminal is null), $"{step.State.NodeId}: exactly one of prompt/terminal");
            if (reply.Terminal is { } terminal)
            {
                Assert.Equal(terminal.NodeId, step.State.NodeId);
                terminals.Add(terminal.NodeId);
                Paths++;
                return;
            }
            Assert.True(turns < MaxTurns, $"path did not end within {MaxTurns} turns at {step.State.NodeId}");
            var key = step.State.NodeId + "|" + step.State.Language + "|" +
                string.Join(",", routingFields.Select(f => step.State.Answers.GetValueOrDefault(f)));
            if (!seen.Add(key))
            {
                Paths++;
                return;
            }

            var ask = Assert.IsType<AskNode>(flow.Nodes[step.State.NodeId]);
            Assert.Equal(ask.Id, reply.Prompt!.NodeId);
            Assert.False(string.IsNullOrWhiteSpace(reply.Prompt.Text));
            Assert.Equal(ask.Options.Count, reply.Prompt.Options.Count);

            var inputs = ask.Options.Select(o => FlowFixtures.Press(o.Key)).Append(CallerInput.Silence);
            foreach (var input in inputs)
            {
                var next = Engine.Answer(step.State, input, now);
                visited.UnionWith(next.PassedNodes);
                Assert.Equal(step.State.Step + 1, next.State.Step);
                Explore(next, turns + 1);
            }

            // Wrong keys until the limit always end with a person, never a hang-up.
            var wrong = step;
            for (var i = 0; i < flow.MaxInvalidAttempts; i++)
            {
                wrong = Engine.Answer(wrong.State, FlowFixtures.Press("#"), now);
                Assert.False(wrong.InputAccepted);
            }
            Assert.Equal(new TerminalAction(TerminalKind.Queue, flow.FallbackNode), wrong.Reply.Terminal);
            terminals.Add(flow.FallbackNode);
        }
    }
}
