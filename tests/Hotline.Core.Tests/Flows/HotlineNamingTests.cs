using Hotline.Core.Cases;
using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowTestYaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>Written texts must not say who we are: the flow check and the console's check of an advocate's reply.</summary>
public class HotlineNamingTests
{
    private const string Names = "hotline_names: [\"Anti-Trafficking Hotline\", trafficking]\n";

    private static string Named(string yaml) => Names + yaml;

    [Theory]
    [InlineData("We work against trafficking.", "trafficking")]
    [InlineData("TRAFFICKING is what we do", "trafficking")]
    public void FindName_NameInAReply_IsFound(string body, string name)
    {
        var flow = FlowLoader.Parse(Named(FlowValidationTests.Valid), FileName);

        Assert.Equal(name, HotlineNaming.FindName(flow, body), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void FindName_FullNameListedFirst_IsTheOneReported()
    {
        var flow = FlowLoader.Parse(Named(FlowValidationTests.Valid), FileName);

        Assert.Equal("Anti-Trafficking Hotline", HotlineNaming.FindName(flow, "This is the Anti Trafficking Hotline."));
    }

    [Fact]
    public void FindName_ReplyWithoutAName_IsNull()
    {
        var flow = FlowLoader.Parse(Named(FlowValidationTests.Valid), FileName);

        Assert.Null(HotlineNaming.FindName(flow, "Is it still safe to text?"));
    }

    [Fact]
    public void FindName_FlowAllowingNames_IsNull()
    {
        var flow = FlowLoader.Parse("texts_may_name_hotline: true\n" + Named(FlowValidationTests.Valid), FileName);

        Assert.Null(HotlineNaming.FindName(flow, "the anti-trafficking hotline"));
    }

    [Fact]
    public void Parse_PlainTextNamingTheHotline_FailsAtItsLine()
    {
        var yaml = Named(Change("""bye: { action: hangup, message: { en: "Bye", es: "Adiós" } }""",
            """bye: { action: hangup, message: { en: "Bye from the trafficking line", es: "Adiós" } }"""));

        AssertError(
            Errors(yaml), "node 'bye'", "the plain en text of the 'message' names the hotline ('trafficking')", LineOf(yaml, " bye: {"));
    }

    [Fact]
    public void Parse_TextVersionNamingTheHotline_Fails()
    {
        var yaml = Named(Change("""goodbye: { en: "Bye", es: "Adiós" }""",
            """goodbye: { en: "Bye", es: "Adiós", text: { en: "Bye", es: "Adiós, línea contra trafficking" } }"""));

        AssertError(Errors(yaml), null, "the 'text' es text of message 'goodbye' names the hotline", LineOf(yaml, "goodbye:"));
    }

    [Fact]
    public void Parse_NameSaidOnlyOnCalls_Loads()
    {
        var yaml = Named(Change("""goodbye: { en: "Bye", es: "Adiós" }""",
            """goodbye: { en: "Bye from the trafficking hotline", es: "Adiós", text: { en: "Bye", es: "Adiós" } }"""));

        var flow = FlowLoader.Parse(yaml, FileName);

        Assert.Equal("Bye", flow.Message(MessageKeys.Goodbye, "en", Channel.Sms));
    }

    [Fact]
    public void Parse_NamingAllowed_Loads()
    {
        var yaml = "texts_may_name_hotline: true\n" + Named(Change("""goodbye: { en: "Bye", es: "Adiós" }""",
            """goodbye: { en: "Bye from the trafficking hotline", es: "Adiós" }"""));

        Assert.True(FlowLoader.Parse(yaml, FileName).TextsMayNameHotline);
    }
}
