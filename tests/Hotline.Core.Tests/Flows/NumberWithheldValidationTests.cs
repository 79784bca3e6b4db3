using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>The flow format's 'number_withheld' branch condition and the check that call-back questions are guarded by it.</summary>
public class NumberWithheldValidationTests
{
    private const string File = "test.yaml";
    private const string Hello = """hello: { say: { en: "Hi", es: "Hola" }, next: ask1 }""";

    private static string AskingForACallback => FlowValidationTests.Valid.Replace("field: safeToTalk", "field: callbackAllowed");

    private static string Guarded(string yaml, string withheld = "true") => yaml.Replace(Hello, $$"""
        hello: { say: { en: "Hi", es: "Hola" }, next: guard }
          guard:
            branch:
              - number_withheld: {{withheld}}
                next: people
            otherwise: ask1
        """);

    [Fact]
    public void Parse_CallbackQuestionReachableWithWithheldNumber_Fails()
    {
        var ex = Assert.Throws<FlowValidationException>(() => FlowLoader.Parse(AskingForACallback, File));

        Assert.Contains(
            ex.Errors, e => e.Where == "node 'ask1'" && e.Reason.Contains("asks 'callbackAllowed' of callers whose number is withheld"));
    }

    [Fact]
    public void Parse_CallbackQuestionBehindNumberWithheldBranch_Loads()
    {
        var flow = FlowLoader.Parse(Guarded(AskingForACallback), File);

        var rule = Assert.Single(((BranchNode)flow.Nodes["guard"]).Rules);
        Assert.True(rule.NumberWithheld);
        Assert.Equal("number withheld", rule.Description);
    }

    [Fact]
    public void Parse_NumberWithheldNotTrueOrFalse_Fails()
    {
        var ex = Assert.Throws<FlowValidationException>(() => FlowLoader.Parse(Guarded(FlowValidationTests.Valid, "maybe"), File));

        Assert.Contains(ex.Errors, e => e.Where == "node 'guard'" && e.Reason.Contains("'number_withheld' must be true or false"));
    }

    [Fact]
    public void Start_NumberWithheldBranch_FollowsTheCallersFact()
    {
        var flow = FlowLoader.Parse(Guarded(AskingForACallback), File);
        var engine = new IntakeEngine(flow);
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(-6));

        Assert.Equal("people", engine.Start(now, numberWithheld: true).State.NodeId);
        Assert.Equal("ask1", engine.Start(now, numberWithheld: false).State.NodeId);
    }
}
