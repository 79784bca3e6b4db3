using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowTestYaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>sms_expired is needed only when the flow tells expired conversations; conversation_closed always.</summary>
public class ExpiryAndClosingMessageTests
{
    private const string Sms = "sms: { inactivity_minutes: 30 }";
    private const string Closed = """conversation_closed: { en: "Closed", es: "Cerrada" }""";

    [Fact]
    public void Parse_WithoutTellOnExpiry_NeedsNoExpiredMessageAndStaysQuiet()
    {
        var flow = FlowLoader.Parse(FlowValidationTests.Valid, FileName);

        Assert.False(flow.TellOnExpiry);
        Assert.DoesNotContain(MessageKeys.SmsExpired, MessageKeys.Required);
    }

    [Fact]
    public void Parse_TellOnExpiryWithoutExpiredMessage_FailsAtTheSetting()
    {
        var yaml = Change(Sms, "sms: { inactivity_minutes: 30, tell_on_expiry: true }");

        AssertError(Errors(yaml), null, "'tell_on_expiry: true' needs the message 'sms_expired'", LineOf(yaml, "tell_on_expiry"));
    }

    [Fact]
    public void Parse_TellOnExpiryWithExpiredMessage_Tells()
    {
        var yaml = Change(Change(Sms, "sms: { inactivity_minutes: 30, tell_on_expiry: true }"),
            Closed, Closed + "\n  sms_expired: { en: \"Expired\", es: \"Caducado\" }");

        var flow = FlowLoader.Parse(yaml, FileName);

        Assert.True(flow.TellOnExpiry);
        Assert.Equal("Caducado", flow.Message(MessageKeys.SmsExpired, "es"));
    }

    [Fact]
    public void Parse_TellOnExpiryNotABool_Fails()
    {
        var yaml = Change(Sms, "sms: { inactivity_minutes: 30, tell_on_expiry: sometimes }");

        AssertError(Errors(yaml), null, "'tell_on_expiry' must be true or false", LineOf(yaml, "tell_on_expiry"));
    }

    [Fact]
    public void Parse_WithoutConversationClosed_Fails()
    {
        var errors = Errors(Change("  " + Closed + "\n", ""));

        Assert.Contains(errors, e => e.Reason == "missing message 'conversation_closed' (needed by the web layer)");
    }
}
