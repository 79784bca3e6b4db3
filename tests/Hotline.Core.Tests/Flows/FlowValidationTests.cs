using Hotline.Core.Flows;
using Hotline.Core.Yaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>One test per kind of flow-file error, each on a small valid flow with one thing broken.</summary>
public class FlowValidationTests
{
    private const string File = "test.yaml";

    // Lines matter: tests assert on them. "ask1" is declared on line 30, its field on 32, its option next on 37.
    internal const string Valid = """
        id: test
        name: Test line
        languages: [en, es]
        emergency_number: "911"
        backup_line: "+15550000000"
        time_zone: America/Chicago
        hours:
          monday: "09:00-17:00"
        queue: { name: q, offer_callback_after_seconds: 60, max_queue_size: 5 }
        max_invalid_attempts: 3
        sms: { inactivity_minutes: 30 }
        callback_windows: { any: "08:00-20:00" }
        start: hello
        fallback: people
        messages:
          invalid: { en: "Sorry, I didn't get that.", es: "Perdón." }
          queue_wait: { en: "{position} {minutes}", es: "{position} {minutes}" }
          queue_offer_callback: { en: "Press 1", es: "Oprima 1" }
          callback_confirmed: { en: "OK", es: "OK" }
          voicemail_prompt: { en: "After the tone", es: "Tras el tono" }
          voicemail_thanks: { en: "Thanks", es: "Gracias" }
          technical_problem: { en: "Call {emergency}", es: "Llame al {emergency}" }
          sms_help: { en: "Help", es: "Ayuda" }
          sms_stop: { en: "Stopped", es: "Parado" }
          sms_start: { en: "Started", es: "Empezado" }
          conversation_closed: { en: "Closed", es: "Cerrada" }
          goodbye: { en: "Bye", es: "Adiós" }
        nodes:
          hello: { say: { en: "Hi", es: "Hola" }, next: ask1 }
          ask1:
            ask: { en: "Safe?", es: "¿Seguro?" }
            field: safeToTalk
            options:
              - press: 1
                value: "yes"
                label: { en: "Yes", es: "Sí" }
                next: route
              - press: 2
                value: "no"
                label: { en: "No", es: "No" }
                next: bye
          route:
            branch:
              - open_hours: true
                next: people
            otherwise: bye
          people: { action: queue }
          bye: { action: hangup, message: { en: "Bye", es: "Adiós" } }
        """;

    private static IReadOnlyList<YamlFileError> Errors(string yaml)
    {
        var ex = Assert.Throws<FlowValidationException>(() => FlowLoader.Parse(yaml, File));
        Assert.NotEmpty(ex.Errors);
        Assert.All(ex.Errors, e => Assert.Equal(File, e.File));
        return ex.Errors;
    }

    private static string Change(string from, string to)
    {
        Assert.Contains(from, Valid);
        return Valid.Replace(from, to);
    }

    private static void AssertError(IReadOnlyList<YamlFileError> errors, string? node, string reason, int? line = null) =>
        Assert.Contains(
            errors, e => e.Where == (node is null ? null : $"node '{node}'") && e.Reason.Contains(reason)
            && (line is null || e.Line == line));

    [Fact]
    public void Parse_ValidFlow_Loads()
    {
        var flow = FlowLoader.Parse(Valid, File);

        Assert.Equal(5, flow.Nodes.Count);
        Assert.Equal(File, flow.SourceFile);
    }

    [Fact]
    public void Parse_UnknownTarget_Fails()
    {
        var errors = Errors(Change("next: route", "next: nowhere"));

        AssertError(errors, "ask1", "unknown target node 'nowhere'", line: 37);
    }

    [Fact]
    public void Parse_UnreachableNode_Fails()
    {
        var errors = Errors(Valid + "\n  orphan: { action: hangup }");

        AssertError(errors, "orphan", "unreachable from the start node 'hello'", line: 49);
    }

    [Fact]
    public void Parse_MissingTranslationOfPrompt_Fails()
    {
        var errors = Errors(Change("""ask: { en: "Safe?", es: "¿Seguro?" }""", """ask: { en: "Safe?" }"""));

        AssertError(errors, "ask1", "missing 'es' translation of the 'ask' prompt", line: 31);
    }

    [Fact]
    public void Parse_MissingTranslationOfMessage_Fails()
    {
        var errors = Errors(Change("""goodbye: { en: "Bye", es: "Adiós" }""", """goodbye: { en: "Bye" }"""));

        AssertError(errors, null, "missing 'es' translation of message 'goodbye'");
    }

    [Fact]
    public void Parse_MissingRequiredMessage_Fails()
    {
        var errors = Errors(Change("""  sms_stop: { en: "Stopped", es: "Parado" }""" + "\n", ""));

        AssertError(errors, null, "missing message 'sms_stop'");
    }

    [Fact]
    public void Parse_AskWithoutOptions_FailsAsNoWayOut()
    {
        var start = Valid.IndexOf("    options:", StringComparison.Ordinal);
        var end = Valid.IndexOf("  route:", StringComparison.Ordinal);
        var errors = Errors(Valid[..start] + "    options: []\n" + Valid[end..]);

        AssertError(errors, "ask1", "ask node has no options (no way out)");
    }

    [Fact]
    public void Parse_SayWithoutNext_FailsAsNoWayOut()
    {
        var errors = Errors(Change(
            """hello: { say: { en: "Hi", es: "Hola" }, next: ask1 }""",
            """hello: { say: { en: "Hi", es: "Hola" } }"""));

        AssertError(errors, "hello", "say node has no 'next'", line: 29);
    }

    [Fact]
    public void Parse_BranchWithoutOtherwise_FailsAsNoWayOut()
    {
        var errors = Errors(Change("    otherwise: bye\n", ""));

        AssertError(errors, "route", "branch node has no 'otherwise'", line: 42);
    }

    [Fact]
    public void Parse_AskWithoutField_Fails()
    {
        var errors = Errors(Change("    field: safeToTalk\n", ""));

        AssertError(errors, "ask1", "ask node has no 'field'", line: 30);
    }

    [Fact]
    public void Parse_AskWithUnknownField_Fails()
    {
        var errors = Errors(Change("field: safeToTalk", "field: favouriteColour"));

        AssertError(errors, "ask1", "unknown field 'favouriteColour'", line: 32);
    }

    [Fact]
    public void Parse_OptionValueNotAllowedForField_Fails()
    {
        var errors = Errors(Change("value: \"no\"", "value: maybe"));

        AssertError(errors, "ask1", "value 'maybe' is not allowed for field 'safeToTalk'");
    }

    [Fact]
    public void Parse_DuplicateOptionDigits_Fails()
    {
        var errors = Errors(Change("press: 2", "press: 1"));

        AssertError(errors, "ask1", "duplicate option digit '1'", line: 38);
    }

    [Fact]
    public void Parse_UnknownLanguageInTranslation_Fails()
    {
        var errors = Errors(Change(
            """hello: { say: { en: "Hi", es: "Hola" }""",
            """hello: { say: { en: "Hi", es: "Hola", fr: "Salut" }"""));

        AssertError(errors, "hello", "unknown key 'fr'", line: 29);
    }

    [Fact]
    public void Parse_LanguageOptionForUndeclaredLanguage_Fails()
    {
        var yaml = Change("value: \"no\"", "language: de").Replace("value: \"yes\"", "language: en")
            .Replace("field: safeToTalk", "field: language");

        var errors = Errors(yaml);

        AssertError(errors, "ask1", "unknown language 'de'");
    }

    [Fact]
    public void Parse_FallbackNotQueueTerminal_Fails()
    {
        var errors = Errors(Change("fallback: people", "fallback: bye"));

        AssertError(errors, "bye", "fallback node must be an operator-queue terminal", line: 14);
    }

    [Fact]
    public void Parse_MalformedYaml_FailsWithLineNotStackTrace()
    {
        var errors = Errors(Change("  ask1:\n", "  ask1: [unclosed\n"));

        var error = Assert.Single(errors);
        Assert.StartsWith("malformed YAML", error.Reason);
        Assert.DoesNotContain("   at ", error.Reason);
        Assert.InRange(error.Line, 30, 32);
    }

    [Fact]
    public void Parse_DuplicateNodeId_FailsAsMalformed()
    {
        var errors = Errors(Valid + "\n  bye: { action: hangup }");

        var error = Assert.Single(errors);
        Assert.Contains("Duplicate key", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(49, error.Line);
    }

    [Fact]
    public void Parse_WrongTypes_FailsWithClearMessages()
    {
        var yaml = Change("max_invalid_attempts: 3", "max_invalid_attempts: many")
            .Replace("languages: [en, es]", "languages: [en, es]\nqueue2: x");

        var errors = Errors(yaml);

        AssertError(errors, null, "'max_invalid_attempts' must be a whole number of at least 1, not 'many'", line: 11);
        AssertError(errors, null, "unknown setting 'queue2'", line: 4);
    }

    [Fact]
    public void Parse_ListWhereTextExpected_FailsWithClearMessage()
    {
        var errors = Errors(Change("start: hello", "start: [hello]"));

        AssertError(errors, null, "'start' must be a single text value, not a list", line: 13);
    }

    [Fact]
    public void Parse_InvalidTimeZone_Fails()
    {
        var errors = Errors(Change("time_zone: America/Chicago", "time_zone: Mars/Olympus"));

        AssertError(errors, null, "unknown time zone 'Mars/Olympus'", line: 6);
    }

    [Theory]
    [InlineData("09:00-09:00")]
    [InlineData("09:00-25:00")]
    [InlineData("9am-5pm")]
    [InlineData("09:60-10:00")]
    public void Parse_BadOpenHoursRange_Fails(string range)
    {
        var errors = Errors(Change("monday: \"09:00-17:00\"", $"monday: \"{range}\""));

        AssertError(errors, null, $"bad time range '{range}'", line: 8);
    }

    [Fact]
    public void Parse_BadCallbackWindow_Fails()
    {
        var errors = Errors(Change("any: \"08:00-20:00\"", "any: \"20:00-20:00\""));

        AssertError(errors, null, "bad time range '20:00-20:00' for callback window 'any'", line: 12);
    }

    [Fact]
    public void Parse_RangesPastMidnight_Load()
    {
        var flow = FlowLoader.Parse(Change("monday: \"09:00-17:00\"", "monday: \"22:00-06:00\"")
            .Replace("any: \"08:00-20:00\"", "any: \"20:00-02:00\""), File);

        Assert.True(flow.OpenHours.Windows.Single().CrossesMidnight);
        Assert.True(flow.CallbackWindows["any"].Windows.All(w => w.CrossesMidnight));
    }

    [Fact]
    public void Parse_SayNodeLoop_Fails()
    {
        var errors = Errors(Change("next: ask1 }", "next: hello }"));

        AssertError(errors, "hello", "cannot go to itself");
    }

    [Fact]
    public void Parse_SeveralErrors_ReportsAllOneLinePerError()
    {
        var yaml = Change("next: route", "next: nowhere").Replace("field: safeToTalk", "field: colour")
            .Replace("time_zone: America/Chicago", "time_zone: Nowhere/Town");

        var ex = Assert.Throws<FlowValidationException>(() => FlowLoader.Parse(yaml, File));

        Assert.True(ex.Errors.Count >= 3);
        var lines = ex.Message.Split(Environment.NewLine);
        Assert.Equal(ex.Errors.Count, lines.Length);
        Assert.Contains("test.yaml:37: node 'ask1': unknown target node 'nowhere'", lines);
        Assert.Contains(lines, l => l.StartsWith("test.yaml:6: unknown time zone 'Nowhere/Town'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SecondYamlDocument_Refused()
    {
        var errors = Errors(Valid + "\n---\nid: other\n");

        var error = Assert.Single(errors);
        Assert.Contains("a second YAML document", error.Reason);
        Assert.Equal(50, error.Line);
    }

    [Fact]
    public void LoadFile_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => FlowLoader.LoadFile(Path.Combine(Path.GetTempPath(), "no-such-flow.yaml")));
    }
}
