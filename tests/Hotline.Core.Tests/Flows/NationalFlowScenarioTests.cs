using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowFixtures;

namespace Hotline.Core.Tests.Flows;

public class NationalFlowScenarioTests
{
    private readonly IntakeEngine engine = new(National);

    [Fact]
    public void Start_National_EmergencyMessageIsFirstThenLanguageMenu()
    {
        var step = engine.Start(ChicagoNoon);

        Assert.Equal("If you are in immediate danger, hang up and call 911.", step.Reply.Messages[0]);
        Assert.Equal("language", step.Reply.Prompt!.NodeId);
        Assert.Equal(0, step.State.Step);
        Assert.Equal("en", step.State.Language);
        Assert.Empty(step.State.Answers);
    }

    [Fact]
    public void Answer_Press2AtLanguage_ContinuesInSpanish()
    {
        var start = engine.Start(ChicagoNoon);

        var step = engine.Answer(start.State, Press("2"), ChicagoNoon);

        Assert.True(step.InputAccepted);
        Assert.Equal("es", step.State.Language);
        Assert.Equal("es", step.Reply.Language);
        Assert.Equal(new RecordedAnswer("language", IntakeFields.Language, "es"), Assert.Single(step.NewAnswers));
        Assert.StartsWith("¿Puede hablar con seguridad", step.Reply.Prompt!.Text);
        Assert.Equal(["Sí", "No"], step.Reply.Prompt.Options.Select(o => o.Label));
    }

    [Fact]
    public void Answer_SpanishPathToTheEnd_EveryReplyIsSpanish()
    {
        var step = Walk(National, ChicagoNoon, "2", "1", "2", "2", "2", "2");

        Assert.Equal(new TerminalAction(TerminalKind.Queue, "advocate_queue"), step.Reply.Terminal);
        Assert.Equal("Gracias. Le estamos comunicando con un especialista ahora.", Assert.Single(step.Reply.Messages));
        Assert.Equal("es", step.State.Language);
    }

    [Fact]
    public void Answer_ImminentDanger_RoutesWithoutAskingNeed()
    {
        var step = Walk(National, ChicagoNoon, "1", "1", "1", "2");

        Assert.Equal(TerminalKind.Queue, step.Reply.Terminal!.Kind);
        Assert.DoesNotContain("need", step.PassedNodes);
        Assert.Contains("check_danger", step.PassedNodes);
        Assert.False(step.State.Answers.ContainsKey(IntakeFields.Need));
        Assert.Equal("yes", step.State.Answers[IntakeFields.ImminentDanger]);
        Assert.Equal(4, step.State.Step);
    }

    [Fact]
    public void Answer_NoDanger_AsksNeed()
    {
        var step = Walk(National, ChicagoNoon, "1", "1", "2", "2");

        Assert.Equal("need", step.Reply.Prompt!.NodeId);
    }

    [Fact]
    public void Answer_FullPathAfterHours_EndsInVoicemailWithAnswers()
    {
        var step = Walk(National, ChicagoNight, "1", "1", "2", "3", "2", "1", "4", "2");

        Assert.Equal(new TerminalAction(TerminalKind.Voicemail, "after_hours"), step.Reply.Terminal);
        Assert.Contains("911", step.Reply.Messages.Single());
        Assert.Equal("help", step.State.Answers[IntakeFields.Need]);
        Assert.Equal("evening", step.State.Answers[IntakeFields.CallbackWindow]);
        Assert.Equal("no", step.State.Answers[IntakeFields.VoicemailAllowed]);
        Assert.Equal("unsure", step.State.Answers[IntakeFields.ChildInvolved]);
    }

    [Fact]
    public void Answer_ImminentDangerOnHoliday_GoesToVoicemail()
    {
        var step = Walk(National, ChicagoHolidayNoon, "1", "1", "1", "1");

        Assert.Equal(TerminalKind.Voicemail, step.Reply.Terminal!.Kind);
    }

    [Fact]
    public void Answer_NotSafeToTalk_AsksCallbackThenSafeGoodbyeNotNamingHotline()
    {
        var step = Walk(National, ChicagoNoon, "1", "2", "1", "3");

        Assert.Equal(new TerminalAction(TerminalKind.Hangup, "safe_goodbye"), step.Reply.Terminal);
        Assert.Equal("yes", step.State.Answers[IntakeFields.CallbackAllowed]);
        Assert.Equal("afternoon", step.State.Answers[IntakeFields.CallbackWindow]);
        var goodbye = step.Reply.Messages.Single();
        Assert.DoesNotContain("hotline", goodbye, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("trafficking", goodbye, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Answer_InvalidDigitsThreeTimes_GoesToFallbackQueue()
    {
        var state = Walk(National, ChicagoNoon, "1").State;

        var first = engine.Answer(state, Press("9"), ChicagoNoon);
        var second = engine.Answer(first.State, Press("7"), ChicagoNoon);
        var third = engine.Answer(second.State, Press("9"), ChicagoNoon);

        Assert.False(first.InputAccepted);
        Assert.Equal(["Sorry, I didn't get that."], first.Reply.Messages);
        Assert.Equal("safe_to_talk", first.Reply.Prompt!.NodeId);
        Assert.Equal(1, first.State.InvalidAttempts);
        Assert.Equal(2, second.State.InvalidAttempts);
        Assert.Equal("safe_to_talk", second.State.NodeId);
        Assert.Equal(state.Step + 3, third.State.Step);
        Assert.False(third.InputAccepted);
        Assert.Equal(new TerminalAction(TerminalKind.Queue, National.FallbackNode), third.Reply.Terminal);
        Assert.Equal("Sorry, I didn't get that.", third.Reply.Messages[0]);
    }

    [Fact]
    public void Answer_ValidAfterInvalid_ResetsInvalidAttempts()
    {
        var state = Walk(National, ChicagoNoon, "1").State;
        var wrong = engine.Answer(state, Press("9"), ChicagoNoon);

        var right = engine.Answer(wrong.State, Press("1"), ChicagoNoon);

        Assert.True(right.InputAccepted);
        Assert.Equal(0, right.State.InvalidAttempts);
        Assert.Equal("danger", right.State.NodeId);
    }

    [Fact]
    public void Answer_SilenceAtLanguage_ContinuesInEnglish()
    {
        var start = engine.Start(ChicagoNoon);

        var step = engine.Answer(start.State, CallerInput.Silence, ChicagoNoon);

        Assert.True(step.InputAccepted);
        Assert.Empty(step.NewAnswers);
        Assert.Equal("safe_to_talk", step.State.NodeId);
        Assert.Equal("en", step.State.Language);
    }

    [Fact]
    public void Answer_SilenceAtSafeToTalk_ConnectsToPerson()
    {
        var state = Walk(National, ChicagoNoon, "1").State;

        var step = engine.Answer(state, CallerInput.Silence, ChicagoNoon);

        Assert.Equal(TerminalKind.Queue, step.Reply.Terminal!.Kind);
    }

    [Fact]
    public void Answer_SpanishSpeechSi_RecordsYes()
    {
        var state = Walk(National, ChicagoNoon, "2").State;

        var step = engine.Answer(state, Say("Sí, puedo hablar."), ChicagoNoon);

        Assert.True(step.InputAccepted);
        Assert.Equal("yes", step.State.Answers[IntakeFields.SafeToTalk]);
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("yes.")]
    [InlineData("YEAH")]
    [InlineData("1")]
    public void Answer_EnglishTextMeaningYes_RecordsYes(string text)
    {
        var state = Walk(National, ChicagoNoon, "1").State;

        var step = engine.Answer(state, Say(text), ChicagoNoon);

        Assert.Equal("yes", step.State.Answers[IntakeFields.SafeToTalk]);
    }

    [Fact]
    public void Answer_SpanishKeywordInEnglishConversation_IsNotAccepted()
    {
        var state = Walk(National, ChicagoNoon, "1").State;

        var step = engine.Answer(state, Say("claro"), ChicagoNoon);

        Assert.False(step.InputAccepted);
    }

    [Fact]
    public void Answer_NoSeInSpanish_PrefersLongerUnsureKeyword()
    {
        var state = Walk(National, ChicagoNoon, "2", "1").State;

        var step = engine.Answer(state, Say("No sé"), ChicagoNoon);

        Assert.Equal("unsure", step.State.Answers[IntakeFields.ImminentDanger]);
    }

    [Fact]
    public void Answer_SpokenLanguageName_SwitchesLanguage()
    {
        var start = engine.Start(ChicagoNoon);

        var step = engine.Answer(start.State, Say("Español"), ChicagoNoon);

        Assert.Equal("es", step.State.Language);
    }

    [Fact]
    public void Current_AtQuestion_RepeatsPromptWithoutChange()
    {
        var step = Walk(National, ChicagoNoon, "1");

        var reply = engine.Current(step.State, ChicagoNoon);

        Assert.Equal(step.Reply.Prompt!.Text, reply.Prompt!.Text);
        Assert.Equal(step.Reply.Prompt.Options, reply.Prompt.Options);
        Assert.Empty(reply.Messages);
        Assert.Equal("safe_to_talk", step.State.NodeId);
    }

    [Fact]
    public void Current_AtTerminal_ReturnsTerminalAgain()
    {
        var step = Walk(National, ChicagoNoon, "1", "1", "1", "1");

        var reply = engine.Current(step.State, ChicagoNoon);

        Assert.Equal(step.Reply.Terminal, reply.Terminal);
        Assert.Equal(step.Reply.Messages, reply.Messages);
    }

    [Fact]
    public void Answer_AtTerminal_ChangesNothing()
    {
        var step = Walk(National, ChicagoNoon, "1", "1", "1", "1");

        var again = engine.Answer(step.State, Press("1"), ChicagoNoon);

        Assert.False(again.InputAccepted);
        Assert.Same(step.State, again.State);
        Assert.Equal(step.Reply.Terminal, again.Reply.Terminal);
    }

    [Fact]
    public void Answer_ManyCallersInParallel_EachGetsOwnResult()
    {
        var results = new IntakeStep[200];

        Parallel.For(0, results.Length, i =>
        {
            var now = i % 2 == 0 ? ChicagoNoon : ChicagoNight;
            var step = engine.Start(now);
            foreach (var key in new[] { "1", "1", "1", i % 3 == 0 ? "1" : "2" })
                step = engine.Answer(step.State, Press(key), now);
            results[i] = step;
        });

        for (var i = 0; i < results.Length; i++)
            Assert.Equal(i % 2 == 0 ? TerminalKind.Queue : TerminalKind.Voicemail, results[i].Reply.Terminal!.Kind);
    }

    [Fact]
    public void Prompt_National_IsDtmfAndSpeechWithOneDigit()
    {
        var prompt = Walk(National, ChicagoNoon, "1").Reply.Prompt!;

        Assert.Equal(InputMode.DtmfAndSpeech, prompt.Mode);
        Assert.Equal(1, prompt.NumDigits);
        Assert.Equal(new MenuOption("1", "Yes"), prompt.Options[0]);
    }

    [Fact]
    public void Message_QueueWait_SubstitutesPlaceholders()
    {
        var text = National.Message(MessageKeys.QueueWait, "es", new Dictionary<string, string> { ["position"] = "3", ["minutes"] = "4" });

        Assert.Equal("Usted es el número 3 en la fila. La espera es de unos 4 minutos. Por favor, no cuelgue.", text);
    }

    [Fact]
    public void Message_TechnicalProblem_GivesEmergencyNumber()
    {
        Assert.Contains("911", National.Message(MessageKeys.TechnicalProblem, "en"));
        Assert.Contains("999", Uk.Message(MessageKeys.TechnicalProblem, "pl"));
    }

    [Fact]
    public void Message_UndeclaredLanguage_FallsBackToDefault()
    {
        Assert.Equal("Sorry, I didn't get that.", National.Message(MessageKeys.Invalid, "fr"));
    }

    [Fact]
    public void Message_VoicemailPrompt_NeverNamesTheHotline()
    {
        foreach (var flow in new[] { National, Uk })
        {
            foreach (var language in flow.Languages)
            {
                var text = flow.Message(MessageKeys.VoicemailPrompt, language);
                Assert.DoesNotContain("hotline", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("slavery", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("traffick", text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
