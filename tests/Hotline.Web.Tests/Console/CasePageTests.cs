using System.Net;
using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

public class CasePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Show_Case_AuditsTheViewAndNeverShowsTheCallerHash()
    {
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(-10)); // the page lists only cases opened before this one
        var earlier = await ConsoleSeed.QueuedCallerAsync(fixture.App, callerHash: "secret-hash-value-123");
        fixture.App.Clock.Advance(TimeSpan.FromMinutes(10));
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App, callerHash: "secret-hash-value-123");
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");

        Assert.Contains("Only call after 7 pm", page);
        Assert.Contains(earlier.Reference, page);
        Assert.DoesNotContain("secret-hash-value-123", page);
        Assert.DoesNotContain("+15557654321", page);
        var views = await fixture.App.WithDbAsync(
            db =>
            db.AuditEntries.CountAsync(a => a.CaseId == caller.CaseId && a.Action == "case.view" && a.ActorName == HotlineApp.AdminEmail));
        Assert.Equal(1, views);
    }

    [Fact]
    public async Task ChangeStatus_CloseWithoutOutcome_ShowsTheCaseMachineReason()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var response = await ConsoleClient.PostFormAsync(
            client, $"/cases/{caller.CaseId}", $"/cases/{caller.CaseId}/status", new() { ["trigger"] = "Close", ["outcome"] = "" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("A case cannot be closed without an outcome", await client.GetStringAsync($"/cases/{caller.CaseId}"));
        var status = await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == caller.CaseId).Select(c => c.Status).SingleAsync());
        Assert.Equal(CaseStatus.AwaitingTriage, status);
    }

    [Fact]
    public async Task Classify_CrisisWithIndicators_SavedRaisedToCrisisAndAudited()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var form = new List<KeyValuePair<string, string>>
        {
            new("Classification.ContactType", "Crisis"), new("Classification.TraffickingType", "Labour"),
                new("Classification.Jurisdiction", "tx"),
            new("Classification.Indicators", "coercion-debt"), new("Classification.Indicators", "fraud-job"),
                new("Classification.Indicators", "made-up"),
            new("Classification.Needs", "shelter"), new("Classification.Narrative", "Works 16 hours a day at a farm."),
        };
        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");
        form.Add(new("__RequestVerificationToken", ConsoleClient.TokenIn(page)));
        form.Add(new("Classification.Version", ClassificationPage.Hidden(page, "Classification.Version")));
        form.Add(new("Classification.Loaded", ClassificationPage.Hidden(page, "Classification.Loaded")));

        var response = await client.PostAsync($"/cases/{caller.CaseId}/classification", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.Equal(ContactType.Crisis, saved.ContactType);
        Assert.Equal(Urgency.Crisis, saved.Urgency);
        Assert.Equal("TX", saved.Jurisdiction);
        Assert.Equal(["coercion-debt", "fraud-job"], saved.Indicators);
        Assert.Equal("Works 16 hours a day at a farm.", saved.OperatorNarrative);
        Assert.True(
            await fixture.App.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.CaseId == caller.CaseId && a.Action == "case.classify")));
    }

    [Fact]
    public async Task Consent_Recorded_StoresWhoAndWhen()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        await ConsoleClient.PostFormAsync(
            client, $"/cases/{caller.CaseId}", $"/cases/{caller.CaseId}/consent", new() { ["consent"] = "true" });

        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.True(saved.ConsentToShare);
        Assert.Equal(HotlineApp.AdminEmail, saved.ConsentRecordedBy);
        Assert.Equal(fixture.App.Clock.GetUtcNow(), saved.ConsentRecordedAt);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountWithAClearMessage()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        var client = ConsoleClient.Anonymous(fixture.App);
        for (var i = 0; i < 5; i++)
        {
            await ConsoleClient.PostFormAsync(
                client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = "wrong-password-" + i });
        }

        var withRightPassword = await ConsoleClient.PostFormAsync(
            client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = ConsoleSeed.OperatorPassword });

        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("locked after too many failed attempts", await withRightPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Find_ByReference_ListsOnlyThatCase()
    {
        var wanted = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var other = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await client.GetStringAsync($"/cases?ref={wanted.Reference}");

        Assert.Contains(wanted.Reference, page);
        Assert.DoesNotContain(other.Reference, page);
        Assert.Contains("1 case found", page);
    }
}
