using Hotline.Web.Data;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Console;

/// <summary>
/// A text conversation in real Chromium: the advocate opens the case from the board's "Conversations waiting" and takes
/// it. (The lead adds the live-update half once live.js is merged: a new text appears without reloading.)
/// </summary>
public class ConversationBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CasePage_AdvocateTakesTheWaitingConversation_SeesItIsTheirsAndTheReplyBox()
    {
        var me = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var c = await ConversationSeed.ConversationAsync(fixture.App, waiting: TimeSpan.FromMinutes(6));
        await ConversationSeed.MessageAsync(
            fixture.App, c, MessageAuthor.Texter, "Mi jefe tiene mi pasaporte. Estamos en la granja.", ago: TimeSpan.FromMinutes(8));
        await ConversationSeed.MessageAsync(
            fixture.App, c, MessageAuthor.Automatic, "Gracias. Una persona le responderá pronto.", ago: TimeSpan.FromMinutes(7));
        await ConversationSeed.MessageAsync(fixture.App, c, MessageAuthor.Texter, "¿hay alguien?", ago: TimeSpan.FromMinutes(6));
        var page = await fixture.SignedInPageAsync(me.Email, ConsoleSeed.OperatorPassword);

        var card = page.Locator($"li.card[data-conversation='{c.ContactId}']");
        await Assertions.Expect(card).ToContainTextAsync("Taken by nobody");
        await card.GetByRole(AriaRole.Link, new() { Name = c.Reference }).ClickAsync();
        var conversation = page.Locator("#conversation-live");
        await Assertions.Expect(conversation).ToContainTextAsync("Nobody has taken this conversation yet.");
        await Assertions.Expect(page.Locator(".msg-texter").First).ToContainTextAsync("Mi jefe tiene mi pasaporte");

        await page.GetByRole(AriaRole.Button, new() { Name = "Take conversation" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You have this conversation." }))
            .ToBeVisibleAsync();
        await Assertions.Expect(conversation).ToContainTextAsync("You have this conversation");
        await Assertions.Expect(page.GetByLabel("Your reply")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#reply-language")).ToContainTextAsync("They write in Spanish");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("conversation-take"), FullPage = true });
    }
}
