using Hotline.Core.Pathway;
using Hotline.Core.Yaml;

namespace Hotline.Core.Tests.Pathway;

public class PathwayLoaderTests
{
    private const string Header = """
        pathway: test
        anonymous_notifications_for_refusing_adults: true
        retention_days: 30
        triage_deadlines:
          crisis: 5m
          high: 1h
          normal: 24h
          low: 72h
        follow_up: [2d, 7d]
        needs:
          shelter: shelter
        rules:

        """;

    // Line 13 is the first rule line ("  - id: r1"); when 14, agencies 15, acknowledge_within 19, escalation 20.
    private static string WithRule(string when = "[child]", string agencies = "[police]", string ack = "15m",
        string escalation = "[on_call_supervisor]", string consent = "mandatory_no_consent_needed", string data = "full") =>
        Header + $"""
          - id: r1
            when: {when}
            agencies: {agencies}
            mandatory: true
            consent: {consent}
            data: {data}
            acknowledge_within: {ack}
            escalation: {escalation}
            reason: Test
        """;

    private static YamlFileError SingleError(string yaml)
    {
        var ex = Assert.Throws<PathwayValidationException>(() => PathwayLoader.Parse(yaml, "test.yaml"));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void Parse_ValidRule_ReturnsDefinition()
    {
        var definition = PathwayLoader.Parse(WithRule(), "test.yaml");

        var rule = Assert.Single(definition.Rules);
        Assert.Equal("r1", rule.Id);
        Assert.Equal(TimeSpan.FromMinutes(15), rule.AcknowledgeWithin);
    }

    [Fact]
    public void Parse_UnknownAgencyType_ErrorNamesFileAndLine()
    {
        var error = SingleError(WithRule(agencies: "[polise]"));

        Assert.Equal("test.yaml", error.File);
        Assert.Equal(15, error.Line);
        Assert.Contains("unknown agency type 'polise'", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("test.yaml:15: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCondition_ErrorOnConditionLine()
    {
        var error = SingleError(WithRule(when: "[chlid]"));

        Assert.Equal(14, error.Line);
        Assert.Contains("unknown condition 'chlid'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeDeadline_Error()
    {
        var error = SingleError(WithRule(ack: "-5m"));

        Assert.Equal(19, error.Line);
        Assert.Contains("must not be negative", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingDeadline_ErrorOnRuleLine()
    {
        var yaml = WithRule().Replace("    acknowledge_within: 15m\n", "", StringComparison.Ordinal);

        var error = SingleError(yaml);

        Assert.Equal(13, error.Line);
        Assert.Equal("missing 'acknowledge_within'", error.Reason);
    }

    [Fact]
    public void Parse_MissingTriageUrgency_Error()
    {
        var yaml = WithRule().Replace("  low: 72h\n", "", StringComparison.Ordinal);

        var error = SingleError(yaml);

        Assert.Contains("missing triage deadline for 'low'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyLadder_Error()
    {
        var error = SingleError(WithRule(escalation: "[]"));

        Assert.Equal(20, error.Line);
        Assert.Contains("empty escalation ladder", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedYaml_ErrorWithLine()
    {
        var error = SingleError("pathway: x\nrules: [unclosed\n");

        Assert.Contains("malformed YAML", error.Reason, StringComparison.Ordinal);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void Parse_AnonymousOnlyWithFullData_ErrorProtectsIdentity()
    {
        var error = SingleError(WithRule(when: "[adult, consent_refused]", consent: "anonymous_only", data: "full"));

        Assert.Contains("anonymous_only rule must use data: anonymous", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConsentedRuleWithoutConsentCondition_Error()
    {
        var error = SingleError(WithRule(when: "[adult]", consent: "consented"));

        Assert.Contains("consent_given", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsEveryOne()
    {
        var ex = Assert.Throws<PathwayValidationException>(() =>
            PathwayLoader.Parse(WithRule(when: "[chlid]", agencies: "[polise]", ack: "-1h", escalation: "[]"), "test.yaml"));

        Assert.Equal([14, 15, 19, 20], ex.Errors.Select(e => e.Line));
        Assert.Contains("test.yaml:15:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownKey_Error()
    {
        var error = SingleError(WithRule() + "\n    mandatroy: true\n");

        Assert.Contains("unknown setting 'mandatroy'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecondYamlDocument_RefusedNotIgnored()
    {
        var error = SingleError(WithRule() + "\n---\npathway: other\n");

        Assert.Contains("a second YAML document", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"test.yaml:{error.Line}: a second YAML document", error.ToString(), StringComparison.Ordinal);
    }
}
