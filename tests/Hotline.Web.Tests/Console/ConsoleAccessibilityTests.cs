using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Hotline.Web.Tests.Console;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) on every console page in real Chromium, signed in as an admin: no serious or
/// critical violation, and no Content-Security-Policy violation reported by the browser. Hangfire's dashboard is not our
/// markup: its findings are written to the test output, not asserted.
/// </summary>
public class ConsoleAccessibilityTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private async Task<(Guid CaseId, string UserId, Guid AgencyId, string AgencyToken)> SeedAsync()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, child: true);
        var colleague = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Sam Okafor");
        return await fixture.App.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.OrderBy(a => a.Name).FirstAsync(a => a.Channels.Count > 0);
            var now = fixture.App.Clock.GetUtcNow();
            var referral = new Referral
            {
                Id = Guid.NewGuid(), CaseId = caller.CaseId, AgencyId = agency.Id, Status = ReferralStatus.Delivered, RuleId = "minor",
                Reason = "A minor is involved", Mandatory = true, CreatedAt = now, SentAt = now, DeliveredAt = now,
                AcknowledgeBy = now.AddHours(4), DataLevel = "Minimal",
            };
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            var token = fixture.App.Services.GetRequiredService<AgencyLinks>().CreateToken(referral.Id);
            return (caller.CaseId, colleague.Id, agency.Id, token);
        });
    }

    [Fact]
    public async Task EveryConsolePage_Admin_NoSeriousOrCriticalAxeViolationsAndNoCspViolations()
    {
        var s = await SeedAsync();
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var csp = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) csp.Add(page.Url + ": " + m.Text);
        };
        var pages = new (string Path, string Says)[]
        {
            ("/", "Callers waiting"), ("/cases", "Find cases"), ("/cases?board=open", "Cases"), ($"/cases/{s.CaseId}", "Safe contact"),
            ("/cases?from=2026-11-20&to=2026-11-01", "The period ends"), ("/dashboard", "calls offered"), ("/audit", "entr"),
            ("/audit?from=2026-11-20&to=2026-11-01", "The period ends"), ("/flows", "Call flow"), ("/users", "People who can sign in"),
            ($"/users/{s.UserId}", "Sam Okafor"), ("/admin/agencies", "Agency directory"), ("/admin/agencies/new", "Add an agency"),
            ($"/admin/agencies/{s.AgencyId}", "Test a channel"), ($"/agency/referrals/{s.AgencyToken}", "Please acknowledge by"),
            ("/reports", "Outcome indicators"), ("/admin/agencies/hsds", "Open Referral HSDS"),
            ("/admin/two-factor", "Two-factor sign-in of staff"), ("/account/two-factor/enrol", "Two-factor sign-in"),
        };
        var failures = new List<string>();
        foreach (var (path, says) in pages)
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(says);
            foreach (var v in await ConsoleAxe.SeriousOrCriticalAsync(page)) failures.Add($"{path}: {v}");
        }
        // The validation summary of a refused form, too (it once carried an inline style).
        await page.GotoAsync("/users");
        await page.GetByLabel("Name shown to colleagues").FillAsync("Kim");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Write the e-mail address");
        foreach (var v in await ConsoleAxe.SeriousOrCriticalAsync(page)) failures.Add($"/users (refused): {v}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(csp.Count == 0, string.Join("\n", csp));
    }

    [Fact]
    public async Task SignInAndDeniedPages_NoSeriousOrCriticalAxeViolations()
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await ConsoleAxe.AssertCleanAsync(page, "sign-in");
        var operatorPage = await fixture.SignedInPageAsync(
            await ConsoleSeed.UserAsync(fixture.App, Roles.Operator), ConsoleSeed.OperatorPassword);
        await operatorPage.GotoAsync("/users");
        await Assertions.Expect(operatorPage.Locator("main")).ToContainTextAsync("You cannot open this page");
        await ConsoleAxe.AssertCleanAsync(operatorPage, "denied");
        await context.CloseAsync();
    }

    /// <summary>Hangfire's dashboard is a third-party page: what axe finds there is reported (test output), not fixed.</summary>
    [Fact]
    public async Task HangfireDashboard_Admin_AxeFindingsAreWrittenToTheTestOutput()
    {
        var page = await fixture.SignedInPageAsync(HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        foreach (var path in new[] { "/hangfire", "/hangfire/recurring", "/hangfire/jobs/succeeded" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Hotline jobs");
            var all = await ConsoleAxe.AllAsync(page);
            output.WriteLine($"{path}: {all.Count} axe violation(s)");
            foreach (var v in all) output.WriteLine("  " + v);
        }
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("America/");
    }
}
