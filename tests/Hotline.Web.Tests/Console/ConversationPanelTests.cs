using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>The case page's conversation: messages in order, who wrote each told apart in words, statuses in words, audited.</summary>
public class ConversationPanelTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task CasePage_Transcript_ShowsMessagesInOrderWithAuthorsAndStatusesInWords()
    {
        var advocate = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: advocate.Id);
        await ConversationSeed.MessageAsync(
            fixture.App, c, MessageAuthor.Texter, "mi jefe tiene mi pasaporte", ago: TimeSpan.FromMinutes(6));
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Automatic, "Reply 1 if you are safe now.");
        await ConversationSeed.MessageAsync(
            fixture.App, c, MessageAuthor.Advocate, "Hola, soy Ana. ¿Estás a salvo?", advocateId: advocate.Id);
        var failed = await ConversationSeed.MessageAsync(
            fixture.App, c, MessageAuthor.Advocate, "¿Puedes hablar ahora?", MessageStatus.Failed, "They opted out (texted STOP)",
            advocate.Id);
        var client = await ConsoleClient.SignedInAsync(fixture.App, advocate.Email, ConsoleSeed.OperatorPassword);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{c.CaseId}"));

        var order = new[] { "mi jefe tiene mi pasaporte", "Reply 1 if you are safe now.", "Hola, soy Ana.", "¿Puedes hablar ahora?" }
            .Select(t => page.IndexOf(t, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, "a message is missing from the page"));
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains("class=\"msg msg-texter", page);
        Assert.Contains("class=\"msg msg-advocate", page);
        Assert.Contains("class=\"msg msg-automatic", page);
        Assert.Contains("The texter wrote:", page);
        Assert.Contains("Ana Ruiz (advocate) replied:", page);
        Assert.Contains("Sent automatically by the hotline:", page);
        Assert.Contains("delivered", page);
        Assert.Contains("failed: They opted out (texted STOP)", page);
        Assert.Contains($"/cases/{c.CaseId}/messages/{failed}/retry", page); // the failed reply of the advocate who has it
        Assert.Contains("You have this conversation", page);
        var panel = page[page.IndexOf("id=\"conversation-h\"", StringComparison.Ordinal)..];
        panel = panel[..panel.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.DoesNotContain("WithOperator", panel);
        Assert.DoesNotContain("Advocate<", panel);
    }

    [Fact]
    public async Task CasePage_Media_LinkedThroughTheServiceNeverToTwilio()
    {
        var c = await ConversationSeed.ConversationAsync(fixture.App, Channel.WhatsApp);
        var twilioUrl = $"https://api.twilio.com/2010-04-01/Accounts/{TwilioApiMock.AccountSid}/Messages/MM1/Media/ME1";
        var id = await ConversationSeed.MessageAsync(
            fixture.App, c, MessageAuthor.Texter, null,
            media: [new MediaReference(twilioUrl, "image/jpeg"), new MediaReference(twilioUrl + "2", "audio/ogg")]);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        var live = await client.GetStringAsync($"/cases/{c.CaseId}/conversation");

        foreach (var html in new[] { page, live })
        {
            Assert.Contains($"href=\"/cases/{c.CaseId}/messages/{id}/media/0\">Photo 1</a>", html.Replace("\n", "").Replace("  ", ""));
            Assert.Contains($"/cases/{c.CaseId}/messages/{id}/media/1", html);
            Assert.Contains("Voice note 2", html);
            Assert.DoesNotContain("api.twilio.com", html);
        }
        Assert.Contains("WhatsApp conversation", page);
    }

    [Fact]
    public async Task CasePageAndLivePart_Anonymous_RedirectToSignIn()
    {
        var c = await ConversationSeed.ConversationAsync(fixture.App);
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "help");
        var client = ConsoleClient.Anonymous(fixture.App);

        foreach (var path in new[] { $"/cases/{c.CaseId}", $"/cases/{c.CaseId}/conversation" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task LivePart_IsThePartialWithTheLiveAttributesOnThePageAndTheReplyBoxOutsideIt()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Bea Live");
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: me.Id);
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "are you there?");
        var client = await ConsoleClient.SignedInAsync(fixture.App, me.Email, ConsoleSeed.OperatorPassword);

        var page = await client.GetStringAsync($"/cases/{c.CaseId}");
        var live = await client.GetStringAsync($"/cases/{c.CaseId}/conversation");

        Assert.Contains($"data-live-case=\"{c.CaseId}\" data-live-src=\"/cases/{c.CaseId}/conversation\"", page);
        Assert.DoesNotContain("<html", live);
        Assert.Contains("are you there?", live);
        Assert.DoesNotContain("reply-body", live); // what is typed is never in the swapped region
        Assert.Contains("id=\"reply-body\"", page);
        Assert.Contains("They write in Spanish", page);
        // The safe-contact answers sit above the reply box.
        var reply = page.IndexOf("id=\"reply-body\"", StringComparison.Ordinal);
        var safe = page.LastIndexOf("Text only; never call", reply, StringComparison.Ordinal);
        Assert.True(
            safe > page.IndexOf("id=\"conversation-live\"", StringComparison.Ordinal), "safe-contact answers not above the reply box");
        Assert.Contains("Do NOT call back", page[..reply]);
    }

    [Fact]
    public async Task CasePage_StillInTheAutomaticQuestions_SaysSoWithoutTakeOrReply()
    {
        var c = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.Intake);
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "necesito ayuda");
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{c.CaseId}"));

        Assert.Contains("necesito ayuda", page);
        Assert.Contains("answering the automatic questions", page);
        Assert.Contains("the reply box opens when the conversation reaches the", page);
        Assert.DoesNotContain("id=\"reply-body\"", page);
        Assert.DoesNotContain($"/conversations/{c.ContactId}/take", page);
    }

    [Fact]
    public async Task View_FullPageAlwaysAudited_LiveReFetchAtMostOnceInTenMinutes()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var c = await ConversationSeed.ConversationAsync(fixture.App);
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "hello");
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);
        Task<int> Views() => fixture.App.WithDbAsync(
            db => db.AuditEntries.CountAsync(a => a.CaseId == c.CaseId && a.Action == "conversation.view" && a.ActorName == email));

        await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Equal(1, await Views());
        for (var i = 0; i < 5; i++) await client.GetStringAsync($"/cases/{c.CaseId}/conversation");
        Assert.Equal(1, await Views());
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(11));
        try
        {
            await client.GetStringAsync($"/cases/{c.CaseId}/conversation");
            await client.GetStringAsync($"/cases/{c.CaseId}/conversation");
        }
        finally
        {
            fixture.App.Clock.Advance(TimeSpan.FromMinutes(-11));
        }
        Assert.Equal(2, await Views());
        await client.GetStringAsync($"/cases/{c.CaseId}");
        Assert.Equal(3, await Views());
    }

    [Fact]
    public async Task Board_ConversationsWaiting_OldestFirstWithChannelInWordsAndAnsweredOnesHidden()
    {
        var someone = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Carla Board");
        var recent = await ConversationSeed.ConversationAsync(fixture.App, waiting: TimeSpan.FromMinutes(2));
        var oldest = await ConversationSeed.ConversationAsync(fixture.App, Channel.WhatsApp, waiting: TimeSpan.FromMinutes(40));
        var taken = await ConversationSeed.ConversationAsync(
            fixture.App, state: ContactState.WithOperator, waiting: TimeSpan.FromMinutes(10), takenBy: someone.Id);
        var answered = await ConversationSeed.ConversationAsync(fixture.App, state: ContactState.WithOperator, takenBy: someone.Id);
        await fixture.App.WithDbAsync(db => db.Contacts.Where(k => k.Id == answered.ContactId)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.AwaitingReplySince, (DateTimeOffset?)null)));
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var board = WebUtility.HtmlDecode(await client.GetStringAsync("/board/live"));

        var panel = board[board.IndexOf("id=\"conversations-h\"", StringComparison.Ordinal)..];
        panel = panel[..panel.IndexOf("</section>", StringComparison.Ordinal)];
        var at = new[] { oldest, taken, recent }.Select(x => panel.IndexOf(x.Reference, StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, "a waiting conversation is missing"));
        Assert.Equal(at.Order().ToList(), at);
        Assert.DoesNotContain(answered.Reference, panel);
        Assert.Contains("WhatsApp · Spanish", panel);
        Assert.Contains("Text · Spanish", panel);
        Assert.Contains("Taken by Carla Board", panel);
        Assert.Contains("Taken by nobody", panel);
        Assert.Contains($"/cases/{recent.CaseId}/conversations/{recent.ContactId}/take", panel);
        Assert.DoesNotContain($"/cases/{taken.CaseId}/conversations/{taken.ContactId}/take", panel);
        Assert.Contains("data-since=", panel);
        var list = await client.GetStringAsync("/cases?board=conversations");
        Assert.Contains(oldest.Reference, list);
        Assert.DoesNotContain(answered.Reference, list);
    }
}
