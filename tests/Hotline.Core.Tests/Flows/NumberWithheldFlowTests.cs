using System.Text.Json;
using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>A caller whose number is withheld is never asked for a callback nobody could make (issue 11, point 3).</summary>
public class NumberWithheldFlowTests
{
    private static readonly string[] CallbackFields = [
        IntakeFields.CallbackAllowed, IntakeFields.CallbackWindow, IntakeFields.VoicemailAllowed];

    public static TheoryData<string> ShippedFlows => new() { "national", "uk" };

    private static Flow FlowById(string id) => id == "national" ? FlowFixtures.National : FlowFixtures.Uk;

    private static DateTimeOffset[] Times(string id) =>
        id == "national" ? [FlowFixtures.ChicagoNoon, FlowFixtures.ChicagoNight] : [FlowFixtures.LondonNoon, FlowFixtures.LondonNight];

    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void EveryPath_NumberWithheld_NeverAsksCallbackOrVoicemailQuestions(string id)
    {
        var flow = FlowById(id);
        var engine = new IntakeEngine(flow);
        var asked = new HashSet<string>();
        foreach (var now in Times(id))
            Explore(engine, engine.Start(now, numberWithheld: true), now, asked, []);

        var callbackQuestions = flow.Nodes.Values.OfType<AskNode>().Where(a => CallbackFields.Contains(a.Field)).Select(a => a.Id).ToList();
        Assert.NotEmpty(callbackQuestions);
        Assert.Empty(asked.Intersect(callbackQuestions));
        Assert.Contains(asked, a => flow.Nodes[a] is AskNode { Field: IntakeFields.Need }); // the walk did reach the rest
    }

    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void Answer_NumberGiven_StillAsksForACallback(string id)
    {
        var flow = FlowById(id);
        var engine = new IntakeEngine(flow);
        var asked = new HashSet<string>();
        foreach (var now in Times(id))
            Explore(engine, engine.Start(now, numberWithheld: false), now, asked, []);

        Assert.Contains(asked, a => flow.Nodes[a] is AskNode { Field: IntakeFields.CallbackAllowed });
    }

    [Fact]
    public void Answer_NotSafeToTalkAndNumberWithheld_SaysGoodbyeWithoutAskingToCallBack()
    {
        var engine = new IntakeEngine(FlowFixtures.National);
        var now = FlowFixtures.ChicagoNoon;
        var step = engine.Start(now, numberWithheld: true);
        step = engine.Answer(step.State, FlowFixtures.Press("1"), now); // English
        step = engine.Answer(step.State, FlowFixtures.Press("2"), now); // not safe to talk

        Assert.Equal("safe_goodbye", step.State.NodeId);
        Assert.Equal(TerminalKind.Hangup, step.Reply.Terminal?.Kind);
        Assert.True(step.State.NumberWithheld);
    }

    /// <summary>Every option and silence at every question, once per (question, answers so far).</summary>
    private static void Explore(IntakeEngine engine, IntakeStep step, DateTimeOffset now, HashSet<string> asked, HashSet<string> seen)
    {
        if (step.Reply.Prompt is not { } prompt) return;
        if (!seen.Add(step.State.NodeId + JsonSerializer.Serialize(step.State.Answers.OrderBy(a => a.Key)))) return;
        asked.Add(prompt.NodeId);
        var inputs = prompt.Options.Select(o => FlowFixtures.Press(o.Key)).Append(new CallerInput(null, null));
        foreach (var input in inputs)
        {
            var next = engine.Answer(step.State, input, now);
            if (next.InputAccepted) Explore(engine, next, now, asked, seen);
        }
    }
}
