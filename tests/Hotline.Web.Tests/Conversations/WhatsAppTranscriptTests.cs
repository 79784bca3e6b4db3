using Hotline.Core.Cases;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Conversations;

/// <summary>Issue #12, point 4: WhatsApp messages come to the same webhook and go through the same flow and transcript.</summary>
public class WhatsAppTranscriptTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string HotlineWhatsApp = "whatsapp:" + HotlineApp.HotlineNumber;
    private readonly TwilioWebhooks _twilio = new(fixture.App.CreateClient());

    [Fact]
    public async Task WhatsAppSender_GoesThroughTheSameMenus_RowsAreWhatsApp()
    {
        const string number = "+15550309001";
        var first = await QueuedConversation.AnswerMenuAsync(_twilio, "whatsapp:" + number, to: HotlineWhatsApp);
        await TexterMessages.SendAsync(_twilio, "whatsapp:" + number, "we are at the farm", to: HotlineWhatsApp);

        var conversation = await QueuedConversation.LoadAsync(fixture.App, first);
        Assert.Equal(ContactState.Queued, conversation.State);
        Assert.Equal(Channel.WhatsApp, conversation.Channel);
        var transcript = await Transcripts.OfCaseAsync(fixture.App, conversation.CaseId);
        Assert.Equal(
            ["hi", .. QueuedConversation.NoCallback, "we are at the farm"],
            transcript.Where(m => m.Author == MessageAuthor.Texter).Select(m => m.Body));
        Assert.All(transcript, m => Assert.Equal(Channel.WhatsApp, m.Channel)); // the menus went back on WhatsApp too
    }

    [Fact]
    public async Task SameNumber_OnSmsAndWhatsApp_IsTwoConversations()
    {
        const string number = "+15550309002";
        var whatsApp = TwilioWebhooks.NewMessageSid();
        var sms = TwilioWebhooks.NewMessageSid();
        await TexterMessages.SendAsync(_twilio, "whatsapp:" + number, "hello from whatsapp", whatsApp, HotlineWhatsApp);
        await TexterMessages.SendAsync(_twilio, number, "hello from sms", sms);

        var onWhatsApp = await QueuedConversation.LoadAsync(fixture.App, whatsApp);
        var onSms = await QueuedConversation.LoadAsync(fixture.App, sms);
        Assert.NotEqual(onWhatsApp.Id, onSms.Id);
        Assert.Equal(Channel.WhatsApp, onWhatsApp.Channel);
        Assert.Equal(Channel.Sms, onSms.Channel);
        Assert.Equal(["hello from whatsapp"], await Transcripts.TexterWroteAsync(fixture.App, onWhatsApp.CaseId));
        Assert.Equal(["hello from sms"], await Transcripts.TexterWroteAsync(fixture.App, onSms.CaseId));
    }

    [Fact]
    public async Task WhatsAppMedia_IsKeptAsTwilioReferences_AndAForeignLinkIsDropped()
    {
        const string number = "+15550309003";
        var photo = TexterMessages.TwilioMediaUrl("ME" + Guid.NewGuid().ToString("N"));
        var voiceNote = TexterMessages.TwilioMediaUrl("ME" + Guid.NewGuid().ToString("N"));
        const string foreign = "https://attacker.example/photo.jpg";
        var sid = TwilioWebhooks.NewMessageSid();

        await TexterMessages.SendAsync(
            _twilio, "whatsapp:" + number, "", sid, HotlineWhatsApp,
            [(photo, "image/jpeg"), (foreign, "image/jpeg"), (voiceNote, "audio/ogg")]);

        var caseId = await Transcripts.CaseOfAsync(fixture.App, sid);
        var row = (await Transcripts.OfCaseAsync(fixture.App, caseId)).Single(m => m.MessageSid == sid);
        Assert.Equal(Channel.WhatsApp, row.Channel);
        Assert.Equal(
            [new MediaReference(photo, "image/jpeg"), new MediaReference(voiceNote, "audio/ogg")], MediaReference.Read(row.MediaJson));
    }
}
