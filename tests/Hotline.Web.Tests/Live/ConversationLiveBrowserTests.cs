using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Live;

/// <summary>
/// A text conversation live in real Chromium (a real Kestrel port, so the console's WebSocket works): texts that arrive
/// and what another advocate does show on an open case page without reloading it, and nothing typed is lost.
/// </summary>
public class ConversationLiveBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 10_000 };
    private static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = 10_000 };
    private const string Marker = "window.hotlineSamePage";

    [Fact]
    public async Task CasePage_TextsArriveAndAdvocatesActOnAnotherPage_ShowWithoutReloadingAndKeepTheUnsentReply()
    {
        var ana = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var ben = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ben Okafor");
        var texter = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);
        var webhooks = new TwilioWebhooks(fixture.App.CreateClient());
        var caseId = await QueuedConversationAsync(webhooks, texter);

        var pageA = await CasePageAsync(ana.Email, caseId);
        var pageB = await CasePageAsync(ben.Email, caseId);
        var liveA = pageA.Locator("#conversation-live");
        var liveB = pageB.Locator("#conversation-live");
        await Assertions.Expect(liveB).ToContainTextAsync("Nobody has taken this conversation yet.", Contains);
        await MarkAsync(pageB);

        // A takes it (a form post: A's page reloads); B's page says so by itself.
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Take conversation" }).ClickAsync();
        await Assertions.Expect(liveA).ToContainTextAsync("You have this conversation", Contains);
        await Assertions.Expect(liveB).ToContainTextAsync("Taken by Ana Ruiz", Contains);
        await Assertions.Expect(pageB.GetByRole(AriaRole.Button, new() { Name = "Take conversation" })).ToHaveCountAsync(0);
        await AssertNotReloadedAsync(pageB);

        // A new text reaches A's open page.
        await ConnectedAsync(pageA);
        await MarkAsync(pageA);
        await webhooks.SmsAsync("He comes back at 6. I can only text until then.", texter);
        await Assertions.Expect(liveA.Locator(".msg-texter").Last).ToContainTextAsync("He comes back at 6", Contains);
        await AssertNotReloadedAsync(pageA);

        // Half a reply typed, another text arrives: the text shows and the half reply is still there.
        var reply = pageA.GetByLabel("Your reply");
        await reply.FillAsync("You did the right thing writing to us.");
        await webhooks.SmsAsync("Are you still there?", texter);
        await Assertions.Expect(liveA.Locator(".msg-texter").Last).ToContainTextAsync("Are you still there?", Contains);
        await Assertions.Expect(reply).ToHaveValueAsync("You did the right thing writing to us.");
        await AssertNotReloadedAsync(pageA);

        // A sends (Twilio's Messages API is WireMock); B sees the reply appear on the page B never reloaded.
        const string sent = "You did the right thing writing to us. Are you somewhere safe right now?";
        await reply.FillAsync(sent);
        await pageA.GetByRole(AriaRole.Button, new() { Name = "Send reply", Exact = true }).ClickAsync();
        await Assertions.Expect(liveA.Locator(".msg-advocate").Last).ToContainTextAsync(sent, Contains);
        await Assertions.Expect(liveB.Locator(".msg-advocate").Last).ToContainTextAsync(sent, Contains);
        await Assertions.Expect(liveB).ToContainTextAsync("Taken by Ana Ruiz", Contains);
        await AssertNotReloadedAsync(pageB);
        Assert.Contains(fixture.Twilio.SentMessageForms(), f => f.GetValueOrDefault("Body") == sent && f.GetValueOrDefault("To") == texter);

        await Assertions.Expect(pageA.Locator("#conversation-h")).ToBeVisibleAsync(Visible);
        await pageA.Locator(".panel-conversation").ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("conversation") });
    }

    /// <summary>An SMS conversation as Twilio posts it: the first text, then the answers to the questions (English,
    /// safe to talk, no danger, no child, help, no callback); it then waits in the advocates' queue.</summary>
    private async Task<Guid> QueuedConversationAsync(TwilioWebhooks webhooks, string texter)
    {
        var first = TwilioWebhooks.NewMessageSid();
        await webhooks.SmsAsync("My boss took my passport. We sleep in the barn.", texter, first);
        foreach (var answer in new[] { "1", "1", "2", "2", "2", "2" }) await webhooks.SmsAsync(answer, texter);
        var contact = await fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ExternalId == first));
        Assert.Equal(ContactState.Queued, contact.State);
        return contact.CaseId;
    }

    private async Task<IPage> CasePageAsync(string email, Guid caseId)
    {
        var page = await fixture.SignedInPageAsync(email, ConsoleSeed.OperatorPassword);
        await page.GotoAsync($"/cases/{caseId}");
        await ConnectedAsync(page);
        return page;
    }

    /// <summary>live.js has joined the case's group: a change from now on reaches the page.</summary>
    private static Task ConnectedAsync(IPage page) =>
        Assertions.Expect(page.Locator("#conversation-live")).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 10_000 });

    /// <summary>A value on window: a reload or a navigation loses it.</summary>
    private static Task MarkAsync(IPage page) => page.EvaluateAsync($"() => {{ {Marker} = true; }}");

    private static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>($"() => {Marker} === true"), "the page was reloaded or left");
}
