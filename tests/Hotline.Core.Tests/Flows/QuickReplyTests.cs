using Hotline.Core.Cases;
using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowTestYaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>The advocate's ready texts ('quick_replies:') as read, rendered and checked.</summary>
public class QuickReplyTests
{
    private const string Nodes = "nodes:";

    private static string WithReplies(string replies) => Change(Nodes, "quick_replies:\n" + replies + "\nnodes:");

    private const string CallEmergency = """
          - id: call_emergency
            label: { en: "Call {emergency}", es: "Llame al {emergency}" }
            text:
              en: "If you are in danger now, call {emergency}."
              es: "Si está en peligro, llame al {emergency}."
              sms: { en: "Danger? Call {emergency}.", es: "¿Peligro? Llame al {emergency}." }
        """;

    [Fact]
    public void QuickReplies_RenderLabelAndTextWithTheEmergencyNumber()
    {
        var flow = FlowLoader.Parse(WithReplies(CallEmergency), FileName);

        var reply = Assert.Single(flow.QuickReplies);
        Assert.Equal("call_emergency", reply.Id);
        Assert.Equal("Llame al 911", reply.Label("es"));
        Assert.Equal("If you are in danger now, call 911.", reply.Text("en", Channel.Chat));
        Assert.Equal("Danger? Call 911.", reply.Text("en", Channel.Sms));
    }

    [Fact]
    public void QuickReplies_FollowTheDeploymentsEmergencyNumber()
    {
        var flow = FlowLoader.Parse(WithReplies(CallEmergency), FileName).WithOverrides("112", null);

        Assert.Equal("If you are in danger now, call 112.", flow.QuickReplies[0].Text("en", Channel.WhatsApp));
    }

    [Fact]
    public void Parse_WithoutQuickReplies_HasNone()
    {
        Assert.Empty(FlowLoader.Parse(FlowValidationTests.Valid, FileName).QuickReplies);
    }

    [Fact]
    public void Parse_QuickReplyIdTwice_Fails()
    {
        var yaml = WithReplies(CallEmergency + "\n" + CallEmergency);

        var errors = Errors(yaml);

        Assert.Contains(
            errors, e => e.Reason == "quick reply id 'call_emergency' is used twice" && e.Line > LineOf(yaml, "call_emergency"));
    }

    [Fact]
    public void Parse_QuickReplyIdNotSnakeCase_Fails()
    {
        var yaml = WithReplies(CallEmergency.Replace("call_emergency", "CallEmergency", StringComparison.Ordinal));

        AssertError(Errors(yaml), null, "quick reply id 'CallEmergency' must be snake_case", LineOf(yaml, "CallEmergency"));
    }

    [Fact]
    public void Parse_QuickReplyMissingALanguage_Fails()
    {
        var yaml = WithReplies(CallEmergency.Replace("""label: { en: "Call {emergency}", es: "Llame al {emergency}" }""",
            """label: { en: "Call {emergency}" }""", StringComparison.Ordinal));

        AssertError(Errors(yaml), "quick reply 'call_emergency'", "missing 'es' translation of its 'label'", LineOf(yaml, "label:"));
    }
}
