using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowTestYaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>How a flow file's channel versions of a text (text:, sms:, voice: ...) are checked.</summary>
public class ChannelTextValidationTests
{
    private const string Hello = """hello: { say: { en: "Hi", es: "Hola" }""";

    private static string HelloWith(string extra) => Change(Hello, $$"""hello: { say: { en: "Hi", es: "Hola", {{extra}} }""");

    [Fact]
    public void Parse_TextVersionWithEveryLanguage_Loads()
    {
        var flow = FlowLoader.Parse(HelloWith("""text: { en: "Hi by text", es: "Hola por texto" }"""), FileName);

        Assert.Equal("Hi by text", ((SayNode)flow.Nodes["hello"]).Text.Overrides["text"]["en"]);
    }

    [Fact]
    public void Parse_UnknownKeyBesideLanguages_FailsWithItsLine()
    {
        var yaml = HelloWith("""txt: { en: "Hi", es: "Hola" }""");

        AssertError(
            Errors(yaml), "node 'hello'", "unknown key 'txt' in the 'say' text: neither a declared language", LineOf(yaml, "txt:"));
    }

    [Fact]
    public void Parse_ChannelVersionMissingALanguage_Fails()
    {
        var yaml = HelloWith("""sms: { en: "Hi" }""");

        AssertError(
            Errors(yaml), "node 'hello'", "missing 'es' translation of the 'sms' version of the 'say' text", LineOf(yaml, "sms: { en"));
    }

    [Fact]
    public void Parse_ChannelInsideAChannelVersion_Fails()
    {
        var yaml = HelloWith("""text: { en: "Hi", es: "Hola", sms: "x" }""");

        AssertError(Errors(yaml), "node 'hello'", "'sms' inside the 'text' version of the 'say' text", LineOf(yaml, "text: {"));
    }

    [Fact]
    public void Parse_ChannelVersionDroppingAPlaceholder_Fails()
    {
        var yaml = Change(
            """technical_problem: { en: "Call {emergency}", es: "Llame al {emergency}" }""",
            """technical_problem: { en: "Call {emergency}", es: "Llame al {emergency}", """
            + """text: { en: "Call", es: "Llame al {emergency}" } }""");

        AssertError(Errors(yaml), null, "the 'text' en text of message 'technical_problem' must use the same placeholders as the plain en "
            + "text; missing {emergency}", LineOf(yaml, "technical_problem"));
    }

    [Fact]
    public void Parse_ChannelVersionAddingAPlaceholder_Fails()
    {
        var yaml = HelloWith("""voice: { en: "Hi {position}", es: "Hola" }""");

        AssertError(Errors(yaml), "node 'hello'", "not in the plain text: {position}", LineOf(yaml, "voice:"));
    }

    [Fact]
    public void Parse_LanguageNamedLikeAChannel_Fails()
    {
        var yaml = Change("languages: [en, es]", "languages: [en, es, sms]");

        AssertError(Errors(yaml), null, "'sms' names a channel", LineOf(yaml, "languages:"));
    }
}
