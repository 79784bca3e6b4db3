using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Hotline.Web.Tests.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Chat;

/// <summary>The visitor's page in real Chromium, under the strict CSP, against a real Kestrel port and PostgreSQL.</summary>
public class ChatBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string NeutralSite = "https://www.weather.gov/"; // Hotline:QuickExitUrl's default

    private async Task<(IBrowserContext Context, IPage Page, List<string> Refused)> VisitorAsync(string locale = "en-US")
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 780 }, BaseURL = fixture.BaseUrl, Locale = locale,
        });
        // The neutral site quick exit goes to, served locally: the tests never reach the internet.
        await context.RouteAsync(NeutralSite + "**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>Weather</title><p>Sunny</p>",
        }));
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) refused.Add(m.Text); };
        return (context, page, refused);
    }

    /// <summary>Language first, then the intake by buttons, until the visitor waits in line.</summary>
    private static async Task QueueAsync(IPage page)
    {
        await page.GotoAsync("/chat");
        await Assertions.Expect(page.GetByLabel("English")).ToBeCheckedAsync(); // preselected from the browser's language
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the chat" }).ClickAsync();
        var messages = page.Locator("#messages");
        await Assertions.Expect(messages).ToContainTextAsync("immediate danger"); // the emergency message comes first
        var questions = page.Locator(".msg-hotline");
        foreach (var answer in new[] { "Yes", "No", "No", "Report a situation" })
        {
            var asked = await questions.CountAsync();
            await page.Locator("#choices").GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }).ClickAsync();
            await Assertions.Expect(questions).ToHaveCountAsync(asked + 1); // the answer was taken: the next question is shown
        }
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("in line");
        await Assertions.Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "offline");
    }

    private async Task<Contact> ConversationOfAsync(IPage page)
    {
        var token = await page.EvaluateAsync<string>("() => sessionStorage.getItem('hotline.chat.token')");
        var key = fixture.App.Services.GetRequiredService<CallerHasher>().HashChatSession(token);
        return await fixture.App.WithDbAsync(db => db.Contacts.Where(c => c.ConversationKey == key).SingleAsync());
    }

    private Task<int> RowsWithBodyAsync(Guid caseId, string body) =>
        fixture.App.WithDbAsync(async db =>
            (await db.ConversationMessages.Where(m => m.CaseId == caseId).Select(m => m.Body).ToListAsync()).Count(b => b == body));

    [Fact]
    public async Task VisitorAndAdvocate_ChatBothWays_TheAdvocatesReplyArrivesByPushWithoutCookies()
    {
        var (context, page, refused) = await VisitorAsync();
        await QueueAsync(page);
        var conversation = await ConversationOfAsync(page);

        await page.GetByLabel("Your message").FillAsync("My boss took my passport");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator(".msg-you").Last).ToContainTextAsync("My boss took my passport");
        Assert.Equal(1, await RowsWithBodyAsync(conversation.CaseId, "My boss took my passport"));

        // The advocate's reply as the sender will write it (no ConversationSender on this branch): a row and a notification.
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        var reply = await ChatTranscriptSeed.AdvocateReplyAsync(fixture.App, conversation, "I am here. Are you safe right now?");

        // Inside the 10 s poll: it came by the hub's push (9 s, not 5: a push and a fetch on CI's loaded machine).
        var shown = page.Locator(".msg-advocate");
        await Assertions.Expect(shown).ToContainTextAsync("I am here. Are you safe right now?", new() { Timeout = 9_000 });
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        var stored = await fixture.App.WithDbAsync(db => db.ConversationMessages.SingleAsync(m => m.Id == reply));
        Assert.Equal(MessageStatus.Delivered, stored.Status);
        Assert.Empty(await context.CookiesAsync());

        // The advocate closes the conversation: the visitor is told, and offered a new chat.
        await fixture.App.WithDbAsync(db => db.Contacts.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.State, ContactState.Completed).SetProperty(c => c.AnsweredBy, "advocate")));
        await fixture.App.Services.GetRequiredService<ConsoleSignals>().CaseChangedAsync(conversation.CaseId, CancellationToken.None);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The advocate ended this chat" }))
            .ToBeVisibleAsync(new() { Timeout = 9_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start a new chat" })).ToBeVisibleAsync();
        Assert.Empty(refused);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ConnectionDrops_MessagesTypedOfflineAndAdvocatesRepliesArriveOnceEach()
    {
        var (context, page, _) = await VisitorAsync();
        await QueueAsync(page);
        var conversation = await ConversationOfAsync(page);

        await context.SetOfflineAsync(true);
        await page.GetByLabel("Your message").FillAsync("Written while offline");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "offline");
        await ChatTranscriptSeed.AdvocateReplyAsync(fixture.App, conversation, "Written while you were away");
        await Task.Delay(1500);
        Assert.Equal(0, await RowsWithBodyAsync(conversation.CaseId, "Written while offline"));

        await context.SetOfflineAsync(false);

        var mine = page.Locator(".msg-you", new() { HasText = "Written while offline" });
        var theirs = page.Locator(".msg-advocate", new() { HasText = "Written while you were away" });
        await Assertions.Expect(mine).ToHaveCountAsync(1, new() { Timeout = 15000 });
        await Assertions.Expect(theirs).ToHaveCountAsync(1, new() { Timeout = 15000 });
        await Task.Delay(2500); // a late push, poll or resend would show a second copy by now
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(theirs).ToHaveCountAsync(1);
        Assert.Equal(1, await RowsWithBodyAsync(conversation.CaseId, "Written while offline"));

        // A reload keeps the session (sessionStorage) and shows the transcript once, in order.
        var rows = await fixture.App.WithDbAsync(db => db.ConversationMessages.CountAsync(m => m.CaseId == conversation.CaseId));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#messages .msg")).ToHaveCountAsync(rows);
        var sequences = await page.Locator("#messages .msg").EvaluateAllAsync<long[]>("els => els.map(e => Number(e.dataset.seq))");
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Length, sequences.Distinct().Count());
        await context.CloseAsync();
    }

    [Fact]
    public async Task Language_FromASpanishBrowser_ThePageIsInSpanishAndTheIntakeGoesOnInSpanish()
    {
        var (context, page, _) = await VisitorAsync("es-ES");
        await page.GotoAsync("/chat");
        await Assertions.Expect(page.GetByLabel("Español")).ToBeCheckedAsync();
        // The page itself is drawn in the browser's language (Accept-Language), from flows/public-pages.yaml.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Salir de esta página ya" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Empezar el chat" }).ClickAsync();

        // The flow's language question is answered with the choice made on the page: the next question is in Spanish.
        await Assertions.Expect(page.Locator("#messages")).ToContainTextAsync("¿Puede escribir con seguridad");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enviar" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("button")]
    [InlineData("escape")]
    public async Task QuickExit_ReplacesThePageSoBackDoesNotReturnToTheChat(string how)
    {
        var (context, page, _) = await VisitorAsync();
        await page.GotoAsync("/health/live"); // whatever the visitor had open before
        await page.GotoAsync("/chat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the chat" }).ClickAsync();
        await Assertions.Expect(page.Locator("#messages")).ToContainTextAsync("immediate danger");

        if (how == "button")
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Leave this page now" }).ClickAsync();
        }
        else
        {
            await page.GetByLabel("Your message").FocusAsync(); // mid-sentence, as a visitor would be
            await page.Keyboard.PressAsync("Escape");
            await page.Keyboard.PressAsync("Escape");
        }

        // The URL, polled: WaitForURL also waits for a load event that a replace during key handling may not give it.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(NeutralSite)));
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('hotline.chat.token')"));
        await page.GoBackAsync();
        Assert.DoesNotContain("/chat", page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ChatPage_HasNoSeriousOrCriticalAccessibilityViolations_BeforeAndDuringTheChat()
    {
        var (context, page, refused) = await VisitorAsync();
        await page.GotoAsync("/chat");
        var atStart = await page.RunAxe();
        await QueueAsync(page);
        var waiting = await page.RunAxe();

        var serious = atStart.Violations.Concat(waiting.Violations)
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")
            .ToList();
        Assert.Empty(serious);
        Assert.Empty(refused);
        await context.CloseAsync();
    }
}
