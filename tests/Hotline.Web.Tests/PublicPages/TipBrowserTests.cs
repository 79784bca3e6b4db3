using Deque.AxeCore.Playwright;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.PublicPages;

public class TipBrowserTests(PublicBrowserFixture fixture) : IClassFixture<PublicBrowserFixture>
{
    [Fact]
    public async Task Tip_FilledInChromium_NamingAMinor_IsReceivedThanksWithoutTheReference_AndMakesMandatoryReferrals()
    {
        var page = await fixture.VisitorAsync();
        await page.GotoAsync("/tip?lang=en");
        await AssertNoSeriousAccessibilityViolationsAsync(page);

        var what = "Two teenagers sell flowers at the junction every night; a man takes their money. " + Guid.NewGuid();
        await page.GetByLabel("What happened?").FillAsync(what);
        await page.GetByLabel("State or region").SelectOptionAsync("TX");
        await page.GetByLabel("Town, address, business or other details of the place").FillAsync("Junction of 5th and Elm");
        await page.GetByRole(AriaRole.Group, new() { Name = "Is a child under 18 involved?" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("They cannot leave, or are watched").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Console.BrowserFixture.ScreenshotPath("tip-form"), FullPage = true });
        fixture.App.Clock.Advance(TimeSpan.FromSeconds(45)); // a person takes a while to write
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await page.WaitForURLAsync("**/tip/thanks?lang=en");

        Assert.Contains("We received your report", await page.ContentAsync());
        var @case = await fixture.App.WithDbAsync(async db =>
        {
            var messages = await db.ConversationMessages.AsNoTracking().Where(m => m.Channel == Channel.Web).ToListAsync();
            var caseId = messages.Single(m => m.Body!.Contains(what)).CaseId;
            return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
        });
        Assert.Equal((true, "TX"), (@case.ChildInvolved, @case.Jurisdiction));
        Assert.Contains("force-confinement", @case.Indicators);
        // A reference on screen could be found on a watched phone: the thank-you page never shows one.
        Assert.DoesNotContain(@case.Reference, await page.ContentAsync());
        await AssertNoSeriousAccessibilityViolationsAsync(page);

        // A child named in the tip: the pathway (run here as Hangfire would) makes the mandatory referrals.
        await fixture.App.RunAsync<IntakeEndedJob>(job => job.RunAsync(@case.Id, CancellationToken.None));
        var referrals = await fixture.App.WithDbAsync(
            db => db.Referrals.Include(r => r.Agency).Where(r => r.CaseId == @case.Id).ToListAsync());
        Assert.Contains(referrals, r => r.Agency.Type == AgencyType.ChildProtection && r.Mandatory);
    }

    [Fact]
    public async Task Tip_WithoutJavaScript_ComesBackWithMessagesAndIsReceived()
    {
        var page = await fixture.VisitorAsync(javaScript: false);
        await page.GotoAsync("/tip?lang=es");
        await page.GetByLabel("¿Cuándo pasó, o sigue pasando?").FillAsync("Desde marzo");
        await page.GetByLabel("Teléfono al que podemos llamar").FillAsync("no tengo");
        fixture.App.Clock.Advance(TimeSpan.FromSeconds(45));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar el reporte" }).ClickAsync(); // "what" is required in the browser too
        Assert.EndsWith("/tip?lang=es", page.Url);

        await page.GetByLabel("¿Qué pasó?").FillAsync("Trabajan sin pago en la granja.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar el reporte" }).ClickAsync();
        await page.WaitForURLAsync("**/tip");
        Assert.Contains("Esto no parece un número de teléfono.", await page.ContentAsync());
        await page.ScreenshotAsync(new() { Path = Console.BrowserFixture.ScreenshotPath("tip-form-problems-es"), FullPage = true });
        Assert.Equal("Desde marzo", await page.GetByLabel("¿Cuándo pasó, o sigue pasando?").InputValueAsync());
        Assert.Equal("Trabajan sin pago en la granja.", await page.GetByLabel("¿Qué pasó?").InputValueAsync());

        await page.GetByLabel("Teléfono al que podemos llamar").FillAsync("");
        fixture.App.Clock.Advance(TimeSpan.FromSeconds(45));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar el reporte" }).ClickAsync();
        await page.WaitForURLAsync("**/tip/thanks?lang=es");
        Assert.Contains("Recibimos su reporte.", await page.ContentAsync());
    }

    [Fact]
    public async Task QuickExit_Clicked_LeavesNoWayBackToTheForm()
    {
        var page = await fixture.VisitorAsync();
        await page.GotoAsync("/health/live");
        await page.GotoAsync("/tip");
        await page.GetByRole(AriaRole.Link, new() { Name = "Leave this page now" }).ClickAsync();
        await LeftForTheNeutralSiteAsync(page);

        await page.GoBackAsync();
        Assert.DoesNotContain("/tip", page.Url);
        Assert.EndsWith("/health/live", page.Url);
    }

    [Fact]
    public async Task QuickExit_EscapePressedTwice_LeavesNoWayBackToTheForm()
    {
        var page = await fixture.VisitorAsync();
        await page.GotoAsync("/health/live");
        await page.GotoAsync("/tip");
        await page.GetByLabel("What happened?").FillAsync("Typing when someone walks in");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Escape");
        await LeftForTheNeutralSiteAsync(page);

        await page.GoBackAsync();
        Assert.DoesNotContain("/tip", page.Url);
    }

    /// <summary>
    /// Waits for the page to show the neutral site. Polled: the page's cross-origin-opener policy moves the neutral site
    /// to another browsing context group, a navigation Playwright's WaitForURL may not see when a script starts it.
    /// </summary>
    private static async Task LeftForTheNeutralSiteAsync(IPage page)
    {
        for (var waited = 0; page.Url != TipFixture.QuickExitUrl && waited < 30_000; waited += 100) await Task.Delay(100);
        Assert.Equal(TipFixture.QuickExitUrl, page.Url);
        // Loaded, asked of the document itself: after the process swap Playwright's own "load" state was once never seen.
        for (var waited = 0; waited < 30_000; waited += 100)
        {
            try
            {
                if (await page.EvaluateAsync<string>("() => document.readyState") == "complete") return;
            }
            catch (PlaywrightException)
            {
                // the document was being replaced as we asked
            }
            await Task.Delay(100);
        }
        Assert.Fail("the neutral site did not finish loading");
    }

    private static async Task AssertNoSeriousAccessibilityViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:\n" + string.Join("\n", serious));
    }
}
