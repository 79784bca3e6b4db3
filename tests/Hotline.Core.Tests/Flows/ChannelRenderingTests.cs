using Hotline.Core.Cases;
using Hotline.Core.Flows;
using static Hotline.Core.Tests.Flows.FlowTestYaml;

namespace Hotline.Core.Tests.Flows;

/// <summary>The engine sends each text in the version for the caller's channel.</summary>
public class ChannelRenderingTests
{
    private static readonly DateTimeOffset MondayNoon = new(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(-6));

    // hello: plain, voice, text and chat versions; ask1: a text version of the prompt and of the label "Yes".
    private static readonly IntakeEngine Engine = new(FlowLoader.Parse(Change(Change(Change(
        """hello: { say: { en: "Hi", es: "Hola" }""",
        """hello: { say: { en: "Hi", es: "Hola", voice: { en: "Hi caller", es: "Hola" }, text: { en: "Hi texter", es: "Hola" }, """
        + """chat: { en: "Hi chatter", es: "Hola" } }"""),
        """ask: { en: "Safe?", es: "¿Seguro?" }""",
        """ask: { en: "Safe? Press 1.", es: "¿Seguro?", text: { en: "Safe to text?", es: "¿Seguro?" } }"""),
        """label: { en: "Yes", es: "Sí" }""",
        """label: { en: "Yes", es: "Sí", text: { en: "Yes, safe", es: "Sí" } }"""), FileName));

    [Theory]
    [InlineData(Channel.Voice, "Hi caller")]
    [InlineData(Channel.Sms, "Hi texter")]
    [InlineData(Channel.WhatsApp, "Hi texter")]
    [InlineData(Channel.Chat, "Hi chatter")]
    [InlineData(Channel.Console, "Hi")]
    public void Start_SaysTheVersionForTheChannel(Channel channel, string expected)
    {
        var step = Engine.Start(MondayNoon, channel: channel);

        Assert.Equal([expected], step.Reply.Messages);
        Assert.Equal(channel, step.State.Channel);
    }

    [Fact]
    public void Start_ByText_AsksWithTheTextPromptAndLabels()
    {
        var prompt = Engine.Start(MondayNoon, channel: Channel.Sms).Reply.Prompt!;

        Assert.Equal("Safe to text?", prompt.Text);
        Assert.Equal(["Yes, safe", "No"], prompt.Options.Select(o => o.Label));
    }

    [Fact]
    public void Start_ByVoiceByDefault_UsesThePlainPrompt()
    {
        var step = Engine.Start(MondayNoon);

        Assert.Equal(Channel.Voice, step.State.Channel);
        Assert.Equal("Safe? Press 1.", step.Reply.Prompt!.Text);
    }

    [Fact]
    public void Answer_WrongAnswerByText_RepeatsTheTextPrompt()
    {
        var start = Engine.Start(MondayNoon, channel: Channel.WhatsApp);

        var step = Engine.Answer(start.State, new CallerInput(null, "banana"), MondayNoon);

        Assert.Equal(Channel.WhatsApp, step.State.Channel);
        Assert.Equal("Safe to text?", step.Reply.Prompt!.Text);
    }

    [Fact]
    public void Answer_TextLabelTextedBack_IsUnderstood()
    {
        var start = Engine.Start(MondayNoon, channel: Channel.Sms);

        var step = Engine.Answer(start.State, new CallerInput(null, "yes, safe"), MondayNoon);

        Assert.True(step.InputAccepted);
        Assert.Equal("yes", step.State.Answers["safeToTalk"]);
        Assert.Equal(Channel.Sms, step.State.Channel);
    }

    [Fact]
    public void Current_ReRendersForTheStatesChannel()
    {
        var start = Engine.Start(MondayNoon, channel: Channel.Chat);

        Assert.Equal("Safe to text?", Engine.Current(start.State, MondayNoon).Prompt!.Text);
    }

    [Fact]
    public void Render_PlainMapIsTheSameOnEveryChannel()
    {
        var texts = new Dictionary<string, string> { ["en"] = "Call {emergency}" };

        Assert.Equal("Call 911", Engine.Flow.Render(texts, "en", Channel.Sms));
        Assert.Equal("Call 911", Engine.Flow.Render(texts, "en"));
    }
}
