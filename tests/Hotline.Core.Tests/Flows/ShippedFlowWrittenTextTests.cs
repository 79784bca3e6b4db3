using Hotline.Core.Cases;
using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>
/// Every text the shipped flows send by SMS, WhatsApp or chat reads as a written conversation: nobody is told to
/// press a key or hang up, and nothing names the hotline.
/// </summary>
public class ShippedFlowWrittenTextTests
{
    // Press / hang up / stay on the line / say, in English, Spanish, Polish and Romanian.
    private static readonly string[] CallWords =
    [
        "press", "hang up", "stay on the line", "say yes", "say no", "oprima", "cuelgue", "colgar", "diga",
        "naciśnij", "rozłącz", "apăsați", "închideți", "închide", "rămâneți la telefon",
    ];

    public static TheoryData<string> Flows => new() { "national", "uk" };

    private static Flow Load(string id) => id == "national" ? FlowFixtures.National : FlowFixtures.Uk;

    [Theory]
    [MemberData(nameof(Flows))]
    public void WrittenTexts_NeverSayPressOrHangUp(string id)
    {
        var flow = Load(id);
        var found = WrittenTexts(flow)
            .SelectMany(t => CallWords.Where(w => t.Text.Contains(w, StringComparison.OrdinalIgnoreCase)).Select(w => $"{t.What}: '{w}'"))
            .ToList();

        Assert.Empty(found);
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void WrittenTexts_NeverNameTheHotline(string id)
    {
        var flow = Load(id);

        Assert.NotEmpty(flow.HotlineNames);
        Assert.False(flow.TextsMayNameHotline);
        Assert.Empty(WrittenTexts(flow).Where(t => HotlineNaming.FindName(flow, t.Text) is not null).Select(t => t.What));
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void ShippedFlows_StayQuietOnExpiryAndCanCloseAConversation(string id)
    {
        var flow = Load(id);

        Assert.False(flow.TellOnExpiry);
        Assert.All(flow.Languages,
            l => Assert.False(string.IsNullOrWhiteSpace(flow.Message(MessageKeys.ConversationClosed, l, Channel.Sms))));
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public void ShippedFlows_OfferTheFourQuickReplies(string id)
    {
        var flow = Load(id);

        Assert.Equal(["safety_check", "are_you_there", "call_emergency", "take_your_time"], flow.QuickReplies.Select(q => q.Id));
        Assert.Contains(flow.EmergencyNumber, flow.QuickReplies[2].Text(flow.DefaultLanguage));
    }

    [Fact]
    public void NationalByText_StartsWithoutPressOrHangUp()
    {
        var step = new IntakeEngine(FlowFixtures.National).Start(FlowFixtures.ChicagoNoon, channel: Channel.Sms);

        Assert.Equal("If you are in immediate danger, call 911.", step.Reply.Messages[0]);
    }

    /// <summary>Every node text, option label, message and quick reply, as each written channel renders it, in each language.</summary>
    private static IEnumerable<(string What, string Text)> WrittenTexts(Flow flow)
    {
        var texts = new List<(string What, IReadOnlyDictionary<string, string> Texts)>();
        texts.AddRange(flow.Messages.Select(m => ($"message {m.Key}", (IReadOnlyDictionary<string, string>)m.Value)));
        texts.AddRange(flow.QuickReplies.SelectMany(q => new[] { ($"quick reply {q.Id}", (IReadOnlyDictionary<string, string>)q.Labels),
            ($"quick reply {q.Id}", q.Texts) }));
        foreach (var node in flow.Nodes.Values)
        {
            switch (node)
            {
                case SayNode say: texts.Add((node.Id, say.Text)); break;
                case AskNode ask:
                    texts.Add((node.Id, ask.Prompt));
                    texts.AddRange(ask.Options.Select(o => ($"{node.Id} option {o.Key}", (IReadOnlyDictionary<string, string>)o.Label)));
                    break;
                case TerminalNode { Message: { } message }: texts.Add((node.Id, message)); break;
            }
        }
        foreach (var channel in new[] { Channel.Sms, Channel.WhatsApp, Channel.Chat })
        {
            foreach (var (what, map) in texts)
            {
                foreach (var language in flow.Languages)
                    yield return ($"{what} ({channel}, {language})", flow.Render(map, language, channel));
            }
        }
    }
}
