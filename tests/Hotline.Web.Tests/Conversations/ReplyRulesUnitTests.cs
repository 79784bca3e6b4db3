using Hotline.Core.Cases;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Twilio.Exceptions;

namespace Hotline.Web.Tests.Conversations;

/// <summary>The deciding parts of sending (rules, words, status order): no database, no HTTP.</summary>
public class ReplyRulesUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    private static ReplyRules Decide(Channel channel, bool optedOut = false, bool hasNumber = true, DateTimeOffset? lastInbound = null) =>
        ReplyRuleBook.Decide(new ReplySituation(channel, optedOut, hasNumber, lastInbound, Now, TimeZoneInfo.Utc));

    [Fact]
    public void Sms_WithANumberAndNoStop_IsFreeText() => Assert.Equal(ReplyKind.FreeText, Decide(Channel.Sms).Kind);

    [Fact]
    public void Stop_OutweighsEverything_EvenInsideTheWhatsAppWindow()
    {
        var rules = Decide(Channel.WhatsApp, optedOut: true, lastInbound: Now.AddMinutes(-5));
        Assert.Equal((ReplyKind.NotAllowed, ReplyRuleBook.TextedStop), (rules.Kind, rules.Explanation));
    }

    [Fact]
    public void WithheldNumber_CannotBeTextedBack() =>
        Assert.Equal(ReplyRuleBook.NoNumber, Decide(Channel.Sms, hasNumber: false).Explanation);

    [Theory]
    [InlineData(Channel.Voice)]
    [InlineData(Channel.Chat)]
    public void NonTextChannels_GetNoTwilioText(Channel channel) => Assert.Equal(ReplyKind.NotAllowed, Decide(channel).Kind);

    [Fact]
    public void WhatsApp_Inside24Hours_IsFreeTextUntilTheWindowCloses_SaidInTheHotlinesTime()
    {
        var rules = Decide(Channel.WhatsApp, lastInbound: Now.AddHours(-23).AddMinutes(-28)); // the window closes at 20:32 today
        Assert.Equal(ReplyKind.FreeText, rules.Kind);
        Assert.Equal(Now.AddMinutes(32), rules.FreeTextUntil);
        Assert.Equal("WhatsApp: free text until 20:32 (24 hours after their last message)", rules.Explanation);
    }

    [Fact]
    public void WhatsApp_After24Hours_OrWithNoMessageOnRecord_IsTemplateOnly()
    {
        Assert.Equal(ReplyKind.TemplateOnly, Decide(Channel.WhatsApp, lastInbound: Now.AddHours(-24)).Kind);
        Assert.Equal(ReplyKind.TemplateOnly, Decide(Channel.WhatsApp).Kind);
    }

    [Theory]
    [InlineData("", "Write a message first")]
    [InlineData("   ", "Write a message first")]
    [InlineData("hello", null)]
    public void Body_EmptyIsRefused(string body, string? problem) => Assert.Equal(problem, ReplyRuleBook.BodyProblem(body));

    [Fact]
    public void Body_Over1600Characters_IsRefused()
    {
        Assert.Null(ReplyRuleBook.BodyProblem(new string('a', 1600)));
        Assert.StartsWith("Too long", ReplyRuleBook.BodyProblem(new string('a', 1601)));
    }

    [Fact]
    public void Take_OnlyTheAdvocateWhoTookItMayReply()
    {
        Assert.Null(ReplyRuleBook.TakeProblem("u1", "u1"));
        Assert.Equal(ReplyRuleBook.TakeFirst, ReplyRuleBook.TakeProblem(null, "u1"));
        Assert.Equal(ReplyRuleBook.TakeFirst, ReplyRuleBook.TakeProblem("u2", "u1"));
    }

    [Theory]
    [InlineData(Channel.WhatsApp, "+15550001111", "whatsapp:+15550001111")]
    [InlineData(Channel.WhatsApp, "whatsapp:+15550001111", "whatsapp:+15550001111")]
    [InlineData(Channel.Sms, "+15550001111", "+15550001111")]
    [InlineData(Channel.Sms, "whatsapp:+15550001111", "+15550001111")]
    public void Address_CarriesTheWhatsAppPrefixOnWhatsAppOnly(Channel channel, string number, string expected) =>
        Assert.Equal(expected, ReplyRuleBook.Address(channel, number));

    [Theory]
    [InlineData(MessageStatus.Sending, MessageStatus.Queued, true)]
    [InlineData(MessageStatus.Queued, MessageStatus.Sent, true)]
    [InlineData(MessageStatus.Sent, MessageStatus.Delivered, true)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Read, true)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Sent, false)]
    [InlineData(MessageStatus.Read, MessageStatus.Delivered, false)]
    [InlineData(MessageStatus.Sent, MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Failed, MessageStatus.Sent, false)]
    [InlineData(MessageStatus.Undelivered, MessageStatus.Delivered, true)] // the person has it after all
    [InlineData(MessageStatus.Read, MessageStatus.Undelivered, false)]
    [InlineData(MessageStatus.Failed, MessageStatus.Undelivered, false)] // the first reason stands
    [InlineData(MessageStatus.Received, MessageStatus.Delivered, false)] // inbound rows never change
    public void StatusOrder_OnlyForward(MessageStatus current, MessageStatus incoming, bool moves) =>
        Assert.Equal(moves, MessageStatusOrder.MovesForward(current, incoming));

    [Fact]
    public void StatusOrder_Overtakes_IsExactlyTheLowerStatuses() =>
        Assert.Equal([MessageStatus.Sending, MessageStatus.Queued, MessageStatus.Sent], MessageStatusOrder.Overtakes(MessageStatus.Failed));

    [Theory]
    [InlineData("accepted", MessageStatus.Queued)]
    [InlineData("sending", MessageStatus.Queued)]
    [InlineData("SENT", MessageStatus.Sent)]
    [InlineData("canceled", MessageStatus.Failed)]
    [InlineData("received", null)]
    [InlineData("bogus", null)]
    public void FromTwilio_MapsItsWords(string twilio, MessageStatus? expected) =>
        Assert.Equal(expected, MessageStatusOrder.FromTwilio(twilio));

    [Theory]
    [InlineData(21610, "They opted out (texted STOP)")]
    [InlineData(21211, "The number cannot receive texts")]
    [InlineData(21614, "The number cannot receive texts")]
    [InlineData(21408, "The number cannot receive texts")]
    [InlineData(63016, "Outside WhatsApp's 24-hour window")]
    public void Problems_TwilioRefusals_InPlainWords(int code, string words) =>
        Assert.Equal(words, MessageProblems.Of(new ApiException(code, 400, "The 'To' number +15550001111 is not valid", "")));

    [Fact]
    public void Problems_UnreachableOrServerError_SayTryAgain()
    {
        Assert.Equal(MessageProblems.Unreachable, MessageProblems.Of(new ApiConnectionException("Connection Error: POST https://api")));
        Assert.Equal(MessageProblems.Unreachable, MessageProblems.Of(new TaskCanceledException()));
        Assert.Equal(MessageProblems.Unreachable, MessageProblems.Of(new ApiException(20500, 503, "down", "")));
    }

    [Fact]
    public void Template_FallsBackToTheDefaultLanguage_AndNoneWithoutConfiguration()
    {
        var templates = new Dictionary<string, string> { ["en"] = "HXen" };
        Assert.Equal("HXen", TemplateChoice.For("es", "en", templates, new Dictionary<string, string>())?.ContentSid);
        Assert.Null(TemplateChoice.For("es", "en", new Dictionary<string, string>(), new Dictionary<string, string>()));
    }
}
