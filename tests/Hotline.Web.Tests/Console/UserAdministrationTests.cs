using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Console;

/// <summary>Issue 17's accounts and words: an admin edits, resets, unlocks and deactivates users, each audited.</summary>
public class UserAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private Task<HttpClient> AdminAsync() => ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

    private Task<List<string>> AuditAsync(string action, string email) => fixture.App.WithDbAsync(db =>
        db.AuditEntries.Where(a => a.Action == action && a.Detail!.Contains(email)).Select(a => a.Detail!).ToListAsync());

    [Fact]
    public async Task Edit_PhoneWithoutCountry_RefusedInWordsAndNothingSaved()
    {
        var sam = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Sam Okafor");
        var admin = await AdminAsync();

        var response = await ConsoleClient.PostFormAsync(admin, $"/users/{sam.Id}", $"/users/{sam.Id}",
            new() { ["DisplayName"] = "Sam Okafor", ["Role"] = Roles.Operator, ["OperatorPhone"] = "555-0100" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("international form with its country code", await response.Content.ReadAsStringAsync());
        var phone = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Id == sam.Id).Select(u => u.OperatorPhone).SingleAsync());
        Assert.Equal("+13125550100", phone);
    }

    [Fact]
    public async Task Edit_NameRoleAndPhone_SavedAsE164AndAudited()
    {
        var sam = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Sam Okafor");
        var admin = await AdminAsync();

        var response = await ConsoleClient.PostFormAsync(admin, $"/users/{sam.Id}", $"/users/{sam.Id}",
            new() { ["DisplayName"] = "Samuel Okafor", ["Role"] = Roles.Supervisor, ["OperatorPhone"] = "+44 20 7946 0321" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await fixture.App.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == sam.Id));
        Assert.Equal(("Samuel Okafor", "+442079460321"), (user.DisplayName, user.OperatorPhone));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        Assert.Equal([Roles.Supervisor], await scope.ServiceProvider.GetRequiredService<UserManager<HotlineUser>>().GetRolesAsync(user));
        Assert.Contains(await AuditAsync("user.edit", sam.Email), d => d.Contains("role Operator -> Supervisor"));
    }

    [Fact]
    public async Task Add_ShortPassword_RulesInWordsNotFrameworkText()
    {
        var admin = await AdminAsync();

        var response = await ConsoleClient.PostFormAsync(admin, "/users", "/users", new()
        {
            ["DisplayName"] = "Kim", ["Email"] = "kim@hotline.test", ["Password"] = "short", ["Role"] = Roles.Operator,
        });

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("At least 10 characters with a capital letter, a small letter, a digit and a symbol", page);
        Assert.DoesNotContain("string or array type", page);
        Assert.DoesNotContain("style=", page);
    }

    [Fact]
    public async Task Deactivate_UserCannotSignInUntilReactivated_BothAudited()
    {
        var sam = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Sam Okafor");
        var admin = await AdminAsync();

        await ConsoleClient.PostFormAsync(admin, $"/users/{sam.Id}", $"/users/{sam.Id}/deactivate", []);

        var refused = await ConsoleClient.PostFormAsync(ConsoleClient.Anonymous(fixture.App), "/account/sign-in", "/account/sign-in",
            new() { ["Email"] = sam.Email, ["Password"] = ConsoleSeed.OperatorPassword });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("This account has been deactivated", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Contains("Deactivated", await admin.GetStringAsync("/users"));
        await ConsoleClient.PostFormAsync(admin, $"/users/{sam.Id}", $"/users/{sam.Id}/reactivate", []);
        await ConsoleClient.SignedInAsync(fixture.App, sam.Email, ConsoleSeed.OperatorPassword);
        Assert.Single(await AuditAsync("user.deactivate", sam.Email));
        Assert.Single(await AuditAsync("user.reactivate", sam.Email));
    }

    [Fact]
    public async Task ResetPasswordAndUnlock_LockedOutUserSignsInWithTheNewPassword_Audited()
    {
        var sam = await ConversationSeed.UserAsync(fixture.App, Roles.Operator, "Sam Okafor");
        await fixture.App.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == sam.Id);
            user.LockoutEnd = fixture.App.Clock.GetUtcNow().AddMinutes(15); // as five failed sign-ins leave it
            await db.SaveChangesAsync();
        });
        var admin = await AdminAsync();
        Assert.Contains("Locked after too many failed sign-ins", await admin.GetStringAsync($"/users/{sam.Id}"));

        var weak = await ConsoleClient.PostFormAsync(
            admin, $"/users/{sam.Id}", $"/users/{sam.Id}/password", new() { ["password"] = "abc" });
        Assert.Contains("Passwords must be at least 10 characters", await admin.GetStringAsync(weak.Headers.Location!.ToString()));
        await ConsoleClient.PostFormAsync(
            admin, $"/users/{sam.Id}", $"/users/{sam.Id}/password", new() { ["password"] = "New-Password-456!" });
        await ConsoleClient.PostFormAsync(admin, $"/users/{sam.Id}", $"/users/{sam.Id}/unlock", []);

        await ConsoleClient.SignedInAsync(fixture.App, sam.Email, "New-Password-456!");
        Assert.Single(await AuditAsync("user.password-reset", sam.Email));
        Assert.Single(await AuditAsync("user.unlock", sam.Email));
    }

    [Fact]
    public async Task Deactivate_Self_Refused()
    {
        var admin = await AdminAsync();
        var me = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == HotlineApp.AdminEmail).Select(u => u.Id).SingleAsync());

        var response = await ConsoleClient.PostFormAsync(admin, $"/users/{me}", $"/users/{me}/deactivate", []);

        Assert.Contains("You cannot deactivate your own account", await admin.GetStringAsync(response.Headers.Location!.ToString()));
    }

    [Fact]
    public async Task StatusOperatorTook_AssignsTheCaseToWhoeverTookIt()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var admin = await AdminAsync();

        await ConsoleClient.PostFormAsync(admin, $"/cases/{caller.CaseId}", $"/cases/{caller.CaseId}/status",
            new() { ["trigger"] = nameof(CaseTrigger.OperatorTook) });

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/cases/{caller.CaseId}"));
        Assert.Contains("assigned to: Administrator", page);
        Assert.DoesNotContain(">Reopen the case<", page);
        Assert.Contains("Awaiting triage → In progress", page);
    }

    [Fact]
    public async Task EarlierCases_OnlyThoseOpenedBeforeThisOne()
    {
        var hash = "hash-" + Guid.NewGuid().ToString("N");
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(-30));
        var earlier = await ConsoleSeed.QueuedCallerAsync(fixture.App, callerHash: hash);
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(30));
        var now = await ConsoleSeed.QueuedCallerAsync(fixture.App, callerHash: hash);
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(30));
        var later = await ConsoleSeed.QueuedCallerAsync(fixture.App, callerHash: hash);
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(-30));
        var admin = await AdminAsync();

        var page = await admin.GetStringAsync($"/cases/{now.CaseId}");

        Assert.Contains(earlier.Reference, page);
        Assert.DoesNotContain(later.Reference, page);
    }

    [Fact]
    public async Task FindAndAudit_RangeEndingBeforeItStarts_RefusedWithAMessage()
    {
        var admin = await AdminAsync();

        foreach (var path in new[] { "/cases?from=2026-11-20&to=2026-11-01", "/audit?from=2026-11-20&to=2026-11-01",
                     "/dashboard?from=2026-11-20&to=2026-11-01" })
        {
            Assert.Contains("The period ends (1 Nov 2026) before it starts (20 Nov 2026)", await admin.GetStringAsync(path));
        }
    }

    [Fact]
    public void Labels_EnumNames_ReadAsWords()
    {
        Assert.Equal("Request for services", Labels.Of(ContactType.RequestForServices));
        Assert.Equal("Sex and labour", Labels.Of(TraffickingType.SexAndLabour));
        Assert.Equal("Awaiting triage → In progress", Labels.Move(CaseStatus.AwaitingTriage, CaseStatus.InProgress));
        Assert.Equal("yes", Labels.YesNo(true));
        Assert.Equal("contact 1; case now In progress (Sex and labour)", Labels.InText("contact 1; case now InProgress (SexAndLabour)"));
    }

    [Fact]
    public void SvgChart_ScalesTenfoldApart_DrawnAsSmallMultiplesWithMarkersAndDashes()
    {
        IReadOnlyList<string> weeks = ["1 Nov", "8 Nov"];
        var apart = SvgChart.Line("Calls", "Week", "Calls", weeks, [("Offered", [5000, 4800]), ("Answered", [4, 3])]);
        var close = SvgChart.Line("Types", "Week", "Cases", weeks, [("Tip", [1, 1]), ("Sex", [1, 1])]);

        Assert.Contains("small-multiples", apart);
        Assert.DoesNotContain("small-multiples", close);
        Assert.Contains("stroke-dasharray", close);
        Assert.Contains("<rect", close); // the second series' square markers beside the first's circles
    }
}
