using Hotline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Console;

/// <summary>The board and the case page from the keyboard alone (Tab, Enter, arrows), in real Chromium.</summary>
public class KeyboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    /// <summary>Presses Tab until <paramref name="isTarget"/> holds for the focused element (a JS predicate on it).</summary>
    private static async Task TabToAsync(IPage page, string isTarget, int most = 250)
    {
        for (var i = 0; i < most; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => {{ const el = document.activeElement; return !!el && ({isTarget}); }}")) return;
        }
        Assert.Fail($"Tab never reached an element where {isTarget}");
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>(
            "() => (document.activeElement.getAttribute('href') || document.activeElement.id || document.activeElement.tagName)");

    [Fact]
    public async Task Board_FocusOnACaseLink_SurvivesTheRefreshAndEnterOpensTheCase()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, waiting: TimeSpan.FromMinutes(2));
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var href = $"/cases/{caller.CaseId}";

        await TabToAsync(page, $"el.getAttribute('href') === '{href}'");
        // Two refreshes of the board (the 5-second poll, and one asked for at once as live.js does).
        await page.Locator("#board").DispatchEventAsync("hotline:refresh");
        await page.WaitForTimeoutAsync(6_000);

        Assert.Equal(href, await FocusedAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case " + caller.Reference })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CasePage_KeyboardOnly_AddsANoteAndTakesTheCase()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        await page.GotoAsync($"/cases/{caller.CaseId}");

        await TabToAsync(page, "el.id === 'note-body'");
        await page.Keyboard.TypeAsync("Typed without a mouse.");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Add note", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Typed without a mouse.");

        // The status control: its first move on a case awaiting triage is to take it.
        await TabToAsync(page, "el.id === 'trigger'");
        Assert.Equal("Take the case (assign it to me)", await page.EvaluateAsync<string>(
            "() => document.activeElement.selectedOptions[0].textContent.trim()"));
        await TabToAsync(page, "el.tagName === 'BUTTON' && el.textContent.trim() === 'Change status'");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".case-head")).ToContainTextAsync("assigned to: Administrator");
        await Assertions.Expect(page.Locator(".case-head")).ToContainTextAsync("In progress");
    }
}
