using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Console;

/// <summary>The console in real headless Chromium: what a tired operator clicks at 3 a.m.</summary>
public class ConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Board_SignedIn_ShowsCallerAndCaseCanBeClassifiedNotedAndAudited()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, waiting: TimeSpan.FromMinutes(4));
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var card = page.Locator($"li.card[data-case='{caller.CaseId}']");
        await Assertions.Expect(card).ToContainTextAsync("Safe to call back");
        await Assertions.Expect(page.Locator("li.card").First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("crisis"));
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("board") });

        await card.GetByRole(AriaRole.Link, new() { Name = caller.Reference }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Case " + caller.Reference })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".safe-contact")).ToContainTextAsync("Only call after 7 pm");

        await page.GetByLabel("Contact type").SelectOptionAsync("Tip");
        await page.GetByLabel("Trafficking type").SelectOptionAsync("Labour");
        await page.GetByLabel("Jurisdiction").SelectOptionAsync("TX");
        await page.GetByLabel("ID or passport taken by someone else").CheckAsync();
        await page.GetByLabel("Shelter").CheckAsync();
        await page.GetByLabel("Narrative").FillAsync("Caller's cousin works at a farm and cannot leave; passport held by the boss.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save classification" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Classification saved." })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("ID or passport taken by someone else")).ToBeCheckedAsync();

        await page.GetByLabel("Note (kept encrypted; visible to operators)").FillAsync("Call back after 7 pm only; speak Spanish.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator(".timeline")).ToContainTextAsync("Call back after 7 pm only; speak Spanish.");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("case"), FullPage = true });

        await page.GotoAsync($"/audit?ref={caller.Reference}");
        var log = page.Locator("table.audit");
        await Assertions.Expect(log).ToContainTextAsync("Case opened");
        await Assertions.Expect(log).ToContainTextAsync("Classified");
        await Assertions.Expect(log).ToContainTextAsync("Note added");
        await Assertions.Expect(log).ToContainTextAsync(HotlineApp.AdminEmail);
    }

    [Fact]
    public async Task SimulatedCall_AppearsOnBoard_OperatorClassifiesRecordsConsentAndSendsReferral()
    {
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        // A real, signed call through the IVR: English, safe, no danger, no child, help for myself,
        // callback yes in the afternoon, no voicemail -> queued for an advocate.
        var twilio = new TwilioWebhooks(fixture.App.CreateClient());
        var sid = TwilioWebhooks.NewCallSid();
        var twiml = await twilio.IncomingAsync(sid);
        foreach (var key in new[] { "1", "1", "2", "2", "2", "1", "3", "2" }) twiml = await twilio.PressAsync(sid, twiml, key);
        Assert.Equal("national-advocates", twiml.Enqueued);
        var caseId = await fixture.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .SingleAsync(db.Contacts.Where(c => c.ExternalId == sid).Select(c => c.CaseId)));

        var card = page.Locator($"li.card[data-case='{caseId}']");
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 }); // the board polls; no reload
        await card.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator(".safe-contact")).ToContainTextAsync("afternoon");

        await page.GetByLabel("Contact type").SelectOptionAsync("RequestForServices");
        await page.GetByLabel("Jurisdiction").SelectOptionAsync("TX");
        await page.GetByLabel("Shelter").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save classification" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Caller consents" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Consent to share recorded." }))
            .ToBeVisibleAsync();

        var send = page.GetByRole(
            AriaRole.Button,
            new()
            { NameRegex = new System.Text.RegularExpressions.Regex(
                "^Send referral to .*Shelter|^Send referral to .*House|^Send referral to ") }).First;
        await send.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Referral recorded" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#ref-h + table, section[aria-labelledby='ref-h'] table")).ToContainTextAsync("Shelter");

        await page.GotoAsync($"/audit?ref={await fixture.App.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Cases.Where(c => c.Id == caseId).Select(c => c.Reference)))}");
        var log = page.Locator("table.audit");
        await Assertions.Expect(log).ToContainTextAsync("Case opened");
        await Assertions.Expect(log).ToContainTextAsync("Referral sent");
    }

    [Fact]
    public async Task CasePage_TwoOperatorsSaveTheSameNarrative_SecondSeesWhatChangedAndKeepsTheirText()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var first = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var second = await fixture.SignedInPageAsync(
            await ConsoleSeed.UserAsync(fixture.App, Roles.Operator), ConsoleSeed.OperatorPassword);
        await first.GotoAsync($"/cases/{caller.CaseId}");
        await second.GotoAsync($"/cases/{caller.CaseId}");

        await first.GetByLabel("Narrative").FillAsync("Works on a farm; passport held by the boss.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save classification" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Status).Filter(new() { HasText = "Classification saved." })).ToBeVisibleAsync();
        await second.GetByLabel("Narrative").FillAsync("Cousin at a restaurant, not a farm.");
        await second.GetByLabel("Venue or industry").FillAsync("restaurant");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save classification" }).ClickAsync();

        await Assertions.Expect(second.Locator(".conflicts")).ToContainTextAsync("Works on a farm; passport held by the boss.");
        await Assertions.Expect(second.GetByLabel("Narrative")).ToHaveValueAsync("Cousin at a restaurant, not a farm.");
        await Assertions.Expect(second.GetByLabel("Venue or industry")).ToHaveValueAsync("restaurant");
        await second.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("case-conflict"), FullPage = true });
    }

    [Fact]
    public async Task Board_NewCallerQueues_AppearsWithoutPageReload()
    {
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, waiting: TimeSpan.FromSeconds(5));

        await Assertions.Expect(page.Locator($"li.card[data-case='{caller.CaseId}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }

    [Fact]
    public async Task Dashboard_Supervisor_SeesServerRenderedSvgCharts()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Supervisor);
        var page = await fixture.SignedInPageAsync(email, ConsoleSeed.OperatorPassword);

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();

        await Assertions.Expect(page.Locator("svg.chart")).ToHaveCountAsync(4);
        Assert.True(await page.Locator("svg.chart rect.bar").CountAsync() > 0);
        Assert.True(await page.Locator("svg.chart polyline.line").CountAsync() > 0);
        await Assertions.Expect(page.Locator(".kpis")).ToContainTextAsync("calls offered");
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("dashboard"), FullPage = true });
    }

    [Fact]
    public async Task Nav_Operator_HasNoSupervisorOrAdminLinks()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var page = await fixture.SignedInPageAsync(email, ConsoleSeed.OperatorPassword);

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Live board" })).ToBeVisibleAsync();
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Audit log" })).ToHaveCountAsync(0);
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task HangfireDashboard_Admin_LoadsWithoutContentSecurityPolicyViolations()
    {
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        await page.GotoAsync("/hangfire/recurring");

        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("promise-sweep");
        Assert.Empty(violations);
        var boardViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) boardViolations.Add(message.Text);
        };
        await page.GotoAsync("/");
        await page.WaitForTimeoutAsync(500);
        Assert.Empty(boardViolations);
    }

    [Fact]
    public async Task Flows_SignedIn_DrawsTheFlowAsSvg()
    {
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        await page.GotoAsync("/flows");

        Assert.True(await page.Locator("svg.flow-diagram g.node").CountAsync() > 3);
        Assert.True(await page.Locator("svg.flow-diagram path.edge").CountAsync() > 3);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("flows") });
    }
}
