using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowFixtures;

namespace Hotline.Core.Tests.Flows;

public class UkFlowScenarioTests
{
    private readonly IntakeEngine engine = new(Uk);

    [Fact]
    public void Start_Uk_EmergencyMessageIsFirstWith999()
    {
        var step = engine.Start(LondonNoon);

        Assert.Equal("If you are in immediate danger, hang up and call 999.", step.Reply.Messages[0]);
        Assert.Equal(3, step.Reply.Prompt!.Options.Count);
    }

    [Fact]
    public void Answer_PolishTak_RecordsYesInPolish()
    {
        var state = Walk(Uk, LondonNoon, "2").State;

        var step = engine.Answer(state, Say("Tak"), LondonNoon);

        Assert.Equal("pl", step.State.Language);
        Assert.Equal("yes", step.State.Answers[IntakeFields.SafeToTalk]);
        Assert.StartsWith("Czy komuś grozi", step.Reply.Prompt!.Text);
    }

    [Fact]
    public void Answer_RomanianDangerYes_SkipsChildQuestionToAdviser()
    {
        var step = Walk(Uk, LondonNoon, "3", "1", "1");

        Assert.Equal(new TerminalAction(TerminalKind.Queue, "adviser_queue"), step.Reply.Terminal);
        Assert.DoesNotContain("child", step.PassedNodes);
        Assert.Equal("Vă mulțumim. Vă facem legătura acum cu un consilier.", step.Reply.Messages.Single());
    }

    [Fact]
    public void Answer_SundayAfternoon_GoesToVoicemail()
    {
        var sunday = new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero);

        var step = Walk(Uk, sunday, "1", "1", "2", "2", "1", "2");

        Assert.Equal(new TerminalAction(TerminalKind.Voicemail, "after_hours"), step.Reply.Terminal);
    }
}
