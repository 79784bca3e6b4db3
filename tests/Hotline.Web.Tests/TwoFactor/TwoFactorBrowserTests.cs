using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.TwoFactor;

/// <summary>Enrolment and the code step in real Chromium, under the console's strict CSP, read by axe-core.</summary>
public class TwoFactorBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static List<string> SeriousOrCritical(params AxeResult[] results) =>
        [.. results.SelectMany(r => r.Violations)
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})")];

    private async Task PasswordAsync(IPage page, string email)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ConsoleSeed.OperatorPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    [Fact]
    public async Task Supervisor_ScansNothingTypesTheKeyShown_ThenSignsInWithACode_UnderTheStrictCsp()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Supervisor);
        var context = await fixture.Browser.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        // axe-core and Playwright's screenshot (it hides the caret) add inline styles of their own: not the page's doing.
        var toolRunning = false;
        page.Console += (_, m) =>
        {
            // The enrolment page once drew asp-validation-summary's hidden placeholder, an inline style: now _Errors.
            if (!toolRunning && m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(page.Url + ": " + m.Text);
            }
        };
        async Task<T> ToolAsync<T>(Func<Task<T>> tool)
        {
            toolRunning = true;
            var result = await tool();
            await page.WaitForTimeoutAsync(1500); // console messages arrive after the evaluation returns (late on a busy CI)
            toolRunning = false;
            return result;
        }

        await page.GotoAsync("/");
        await PasswordAsync(page, email);
        await page.WaitForURLAsync(fixture.BaseUrl + "/account/two-factor/enrol");
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code holding your authenticator key" });
        await Assertions.Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the QR code did not load");
        var enrolPage = await ToolAsync(() => page.RunAxe());
        await ToolAsync(() => page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("two-factor-enrol"), FullPage = true }));

        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync(TestTwoFactor.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).Locator("li")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Continue to the live board" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/account/sign-in");
        await PasswordAsync(page, email);
        await page.WaitForURLAsync(fixture.BaseUrl + "/account/two-factor**");
        var codePage = await ToolAsync(() => page.RunAxe());
        await page.GetByLabel("Code from your authenticator app").FillAsync(TestTwoFactor.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(fixture.BaseUrl + "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        Assert.True(refused.Count == 0, string.Join("\n", refused));
        Assert.Empty(SeriousOrCritical(enrolPage, codePage));
        await context.CloseAsync();
    }
}
