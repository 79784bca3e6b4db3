using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Tests.Console;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Chat;

/// <summary>
/// The advocate's side of a web chat in real Chromium, signed in as an operator: the board with the chat waiting, and
/// the case page once it is taken (transcript and reply box). axe-core finds no serious or critical violation.
/// </summary>
public class AdvocateSideAxeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 10_000 };

    /// <summary>A visitor through the chat's intake by its API, as the page's buttons do: it then waits in line.</summary>
    private async Task<Contact> WaitingChatAsync(string firstWords)
    {
        var visitor = await ChatVisitor.StartAsync(fixture.App.CreateClient());
        var reply = await visitor.SendAsync("English");
        foreach (var answer in new[] { "English", "Yes", "No", "No", "Report a situation" })
        {
            reply = await visitor.ChooseAsync(reply, answer);
        }
        await visitor.SendAsync(firstWords);
        var key = fixture.App.Services.GetRequiredService<CallerHasher>().HashChatSession(visitor.Token);
        return await fixture.App.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.ConversationKey == key));
    }

    private static List<string> SeriousOrCritical(params AxeResult[] results) =>
        [.. results.SelectMany(r => r.Violations)
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")];

    [Fact]
    public async Task BoardWithAWaitingChatAndTheTakenChatsCasePage_HaveNoSeriousOrCriticalAccessibilityViolations()
    {
        var ana = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Ana Ruiz");
        var chat = await WaitingChatAsync("My boss took my passport");
        var page = await fixture.SignedInPageAsync(ana.Email, ConsoleSeed.OperatorPassword);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator($"#take-conv-{chat.Id}")).ToBeVisibleAsync(Visible);
        var board = await page.RunAxe();

        await page.GotoAsync($"/cases/{chat.CaseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take conversation", Exact = true }).ClickAsync();
        var live = page.Locator("#conversation-live");
        await Assertions.Expect(live).ToContainTextAsync("You have this conversation", new() { Timeout = 10_000 });
        await Assertions.Expect(live).ToContainTextAsync("My boss took my passport");
        await Assertions.Expect(page.GetByLabel("Your reply")).ToBeVisibleAsync(Visible);
        var casePage = await page.RunAxe();

        Assert.Empty(SeriousOrCritical(board, casePage));
        await page.Context.CloseAsync();
    }
}
