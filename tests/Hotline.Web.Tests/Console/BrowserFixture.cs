using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Hotline.Core.Cases;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Hotline.Web.Tests.Console;

/// <summary>
/// The console's browser tests. Seeds a believable night on the line so screenshots show what an operator would see.
/// </summary>
public sealed partial class BrowserFixture : ServedBrowserFixture
{
    /// <summary>A Spanish interpreter line, so the case page of a Spanish-speaking caller on a live call suggests it.</summary>
    public const string SpanishInterpreterLine = "+12025550143";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hotline:Interpreters:0:Language"] = "es",
        ["Hotline:Interpreters:0:Name"] = "Spanish interpreters",
        ["Hotline:Interpreters:0:Number"] = SpanishInterpreterLine,
    };

    // Browser sessions of users with a second factor, per e-mail: the server takes each authenticator code once, so
    // signing one supervisor in for every test would wait for the clock (the code step is tested in the TwoFactor tests).
    private readonly ConcurrentDictionary<string, string> _sessions = new();

    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var key = await TestTwoFactor.KeyForSignInAsync(App.Services, email); // enrols a Supervisor or Admin
        var options = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, BaseURL = BaseUrl };
        if (key is not null && _sessions.TryGetValue(email, out var session)) options.StorageState = session;
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (page.Url == BaseUrl + "/") return page; // the earlier session still opens the board
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (key is not null)
        {
            await page.WaitForURLAsync(BaseUrl + "/account/two-factor**");
            await page.GetByLabel("Code from your authenticator app").FillAsync(TestTwoFactor.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await page.WaitForURLAsync(BaseUrl + "/");
        if (key is not null) _sessions[email] = await context.StorageStateAsync();
        return page;
    }

    /// <summary>
    /// Where a screenshot goes: docs/screenshots only when HOTLINE_UPDATE_SCREENSHOTS=1 and README.md shows that
    /// picture (README is the one list of them), otherwise TestResults/screenshots (ignored by git, kept by CI), so a
    /// test run never leaves a tracked file changed nor a picture nobody links to.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable("HOTLINE_UPDATE_SCREENSHOTS") == "1" && ReadmeScreenshots().Contains(name)
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    /// <summary>The pictures README.md shows from docs/screenshots, by name without ".png".</summary>
    public static IReadOnlySet<string> ReadmeScreenshots() =>
        ReadmeImage().Matches(File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")))
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    public static string RepositoryRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "HotlineService.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? AppContext.BaseDirectory;
    }

    [GeneratedRegex(@"docs/screenshots/([A-Za-z0-9_-]+)\.png")]
    private static partial Regex ReadmeImage();

    /// <summary>Callers waiting, open cases, a late referral, and four weeks of calls for the dashboard.</summary>
    protected override async Task SeedAsync()
    {
        await ConsoleSeed.QueuedCallerAsync(App, waiting: TimeSpan.FromMinutes(7));
        await ConsoleSeed.QueuedCallerAsync(App, imminentDanger: true, waiting: TimeSpan.FromSeconds(50));
        await ConsoleSeed.QueuedCallerAsync(App, child: true, waiting: TimeSpan.FromMinutes(2));
        var now = App.Clock.GetUtcNow();
        await App.WithDbAsync(async db =>
        {
            var agency = new Agency
                { Id = Guid.NewGuid(), Name = "Metro Police Anti-Trafficking Unit", Type = AgencyType.Police, Jurisdictions = ["US-IL"] };
            db.Agencies.Add(agency);
            var types = Enum.GetValues<ContactType>();
            for (var i = 0; i < 36; i++)
            {
                var at = now - TimeSpan.FromHours(19 * i + 3);
                var answered = i % 5 != 0;
                var c = new Case
                {
                    Id = Guid.NewGuid(), Reference = Hotline.Web.Infrastructure.CaseReferences.New(at), FirstChannel = Channel.Voice,
                        FlowId = "national",
                    Status = i < 3 ? CaseStatus.AwaitingTriage : i < 8 ? CaseStatus.InProgress : i < 14 ? CaseStatus.Referred
                        : CaseStatus.Closed,
                    Urgency = i == 4 ? Urgency.Crisis : i % 3 == 0 ? Urgency.High : Urgency.Normal,
                    ContactType = types[i % 4 == 0 ? 0 : i % types.Length], TraffickingType = (TraffickingType)(i % 4),
                    CreatedAt = at, UpdatedAt = at, TriageDueAt = at + TimeSpan.FromHours(i < 3 ? 4 : 24), CallbackAllowed = i % 2 == 0,
                    CallbackDue = i is 5 or 9, CallbackDueAt = at + TimeSpan.FromHours(2), CallbackWindow = "weekdays 9-12",
                    CallerNumber = $"+1312555{i:D4}", // a number was given (without one, the case page says "number withheld")
                };
                db.Cases.Add(c);
                db.Contacts.Add(new Contact
                {
                    Id = Guid.NewGuid(), CaseId = c.Id, Channel = Channel.Voice, ExternalId = "CA" + Guid.NewGuid().ToString("N"),
                        FlowId = "national",
                    State = answered ? ContactState.Completed : ContactState.Abandoned, StartedAt = at, LastActivityAt = at,
                    EnqueuedAt = at + TimeSpan.FromSeconds(40), AnsweredAt = answered ? at + TimeSpan.FromSeconds(40 + 15 * (i % 7)) : null,
                    EndedAt = at + TimeSpan.FromMinutes(12),
                });
                if (i == 10)
                {
                    db.Referrals.Add(
                        new Referral
                        { Id = Guid.NewGuid(), CaseId = c.Id, AgencyId = agency.Id, Status = ReferralStatus.Delivered, Mandatory = true,
                        RuleId = "minor", Reason = "A minor is involved", CreatedAt = at, SentAt = at,
                            AcknowledgeBy = now - TimeSpan.FromMinutes(25) });
                }
            }
            await db.SaveChangesAsync();
        });
    }
}
