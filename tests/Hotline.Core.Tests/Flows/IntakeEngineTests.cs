using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>Engine rules on a minimal flow (no no_input anywhere, one question).</summary>
public class IntakeEngineTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(-6));
    private readonly IntakeEngine engine = new(FlowLoader.Parse(FlowValidationTests.Valid, "test.yaml"));

    [Fact]
    public void Answer_SilenceWithoutNoInput_CountsAsInvalid()
    {
        var start = engine.Start(MondayNoon);

        var step = engine.Answer(start.State, CallerInput.Silence, MondayNoon);

        Assert.False(step.InputAccepted);
        Assert.Equal(1, step.State.InvalidAttempts);
        Assert.Equal(1, step.State.Step);
        Assert.Equal(["Sorry, I didn't get that."], step.Reply.Messages);
        Assert.Equal("ask1", step.Reply.Prompt!.NodeId);
    }

    [Fact]
    public void Answer_SilenceThreeTimes_GoesToPeopleNotHangup()
    {
        var step = engine.Start(MondayNoon);

        for (var i = 0; i < 3; i++)
            step = engine.Answer(step.State, CallerInput.Silence, MondayNoon);

        Assert.Equal(new TerminalAction(TerminalKind.Queue, "people"), step.Reply.Terminal);
    }

    [Fact]
    public void Answer_DigitsTakePrecedenceOverText()
    {
        var start = engine.Start(MondayNoon);

        var step = engine.Answer(start.State, new CallerInput("2", "yes"), MondayNoon);

        Assert.Equal("no", step.State.Answers[IntakeFields.SafeToTalk]);
    }

    [Fact]
    public void Answer_UnknownDigitsButKnownText_UsesText()
    {
        var start = engine.Start(MondayNoon);

        var step = engine.Answer(start.State, new CallerInput("7", "yes"), MondayNoon);

        Assert.Equal("yes", step.State.Answers[IntakeFields.SafeToTalk]);
    }

    [Fact]
    public void Answer_AmbiguousText_IsInvalid()
    {
        var start = engine.Start(MondayNoon);

        var step = engine.Answer(start.State, new CallerInput(null, "yes no"), MondayNoon);

        Assert.False(step.InputAccepted);
    }

    [Fact]
    public void Answer_ClosedHours_BranchTakesOtherwise()
    {
        var sunday = MondayNoon.AddDays(-1);
        var start = engine.Start(sunday);

        var step = engine.Answer(start.State, new CallerInput("1", null), sunday);

        Assert.Equal(new TerminalAction(TerminalKind.Hangup, "bye"), step.Reply.Terminal);
        Assert.Equal(["route", "bye"], step.PassedNodes);
    }

    [Fact]
    public void Start_SingleSay_MessageThenPrompt()
    {
        var start = engine.Start(MondayNoon);

        Assert.Equal(["Hi"], start.Reply.Messages);
        Assert.Equal(["hello", "ask1"], start.PassedNodes);
        Assert.True(start.InputAccepted);
    }

    [Fact]
    public void Answer_UnknownNodeInState_Throws()
    {
        var state = new IntakeState("gone", "en", 3, 0, new Dictionary<string, string>());

        Assert.Throws<ArgumentException>(() => engine.Answer(state, CallerInput.Silence, MondayNoon));
    }
}
