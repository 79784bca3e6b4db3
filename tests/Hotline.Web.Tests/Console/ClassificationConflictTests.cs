using System.Net;
using Hotline.Web.Data;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>Nobody overwrites anybody: the classification form merges against what changed since its page loaded.</summary>
public class ClassificationConflictTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Classify_TwoOperatorsEditDifferentFields_BothKept()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var (ana, ben) = (await OperatorAsync(), await OperatorAsync());
        var anaPage = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        var benPage = await ben.GetStringAsync($"/cases/{caller.CaseId}");

        var anaForm = ClassificationPage.Loaded(anaPage);
        anaForm.Venue = "nail salon";
        Assert.Equal(HttpStatusCode.Redirect, (await ClassificationPage.PostAsync(ana, caller.CaseId, anaPage, anaForm)).StatusCode);
        var benForm = ClassificationPage.Loaded(benPage);
        benForm.Narrative = "Passport held by the manager.";
        var benSave = await ClassificationPage.PostAsync(ben, caller.CaseId, benPage, benForm);

        Assert.Equal(HttpStatusCode.Redirect, benSave.StatusCode);
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.Equal("nail salon", saved.Venue);
        Assert.Equal("Passport held by the manager.", saved.OperatorNarrative);
    }

    [Fact]
    public async Task Classify_BothEditTheSameField_SecondRefusedNamingTheFieldAndKeepsTheirInput()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var (ana, ben) = (await OperatorAsync(), await OperatorAsync());
        var anaPage = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        var benPage = await ben.GetStringAsync($"/cases/{caller.CaseId}");

        var anaForm = ClassificationPage.Loaded(anaPage);
        anaForm.Narrative = "Works at a farm, cannot leave.";
        await ClassificationPage.PostAsync(ana, caller.CaseId, anaPage, anaForm);
        var benForm = ClassificationPage.Loaded(benPage);
        benForm.Narrative = "Works in a restaurant kitchen.";
        benForm.RiskLevel = "High";
        var benSave = await ClassificationPage.PostAsync(ben, caller.CaseId, benPage, benForm);

        Assert.Equal(HttpStatusCode.OK, benSave.StatusCode);
        var shown = await benSave.Content.ReadAsStringAsync();
        Assert.Contains("Not saved: Narrative", shown);
        Assert.Contains("Works at a farm, cannot leave.", shown); // theirs, shown as what changed
        // his input stays on the form
        Assert.Matches("<textarea[^>]*Classification_Narrative[^>]*>\\s*Works in a restaurant kitchen.</textarea>", shown);
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.Equal("Works at a farm, cannot leave.", saved.OperatorNarrative);
        Assert.Equal("High", saved.RiskLevel); // the field nobody else touched is saved

        // Seen theirs, he saves again on purpose: now his text stands.
        var retry = ClassificationPage.Loaded(shown);
        retry.Narrative = benForm.Narrative;
        var again = await ClassificationPage.PostAsync(ben, caller.CaseId, shown, retry);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(
            "Works in a restaurant kitchen.",
            await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == caller.CaseId).Select(c => c.OperatorNarrative).SingleAsync()));
    }

    [Fact]
    public async Task Classify_StaleSaveAfterTheCallerTexted_NeverErasesTheCallerText()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var ana = await OperatorAsync();
        var page = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        // The text webhook appends the caller's words while the page is open.
        await fixture.App.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caller.CaseId);
            @case.Narrative = "[2026-12-01 21:00 text] he took my phone, text only after 9";
            await db.SaveChangesAsync();
        });

        var form = ClassificationPage.Loaded(page);
        form.Narrative = "Domestic servitude suspected.";
        form.Venue = "private house";
        var save = await ClassificationPage.PostAsync(ana, caller.CaseId, page, form);

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode); // a caller's text is not a conflict
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.Equal("[2026-12-01 21:00 text] he took my phone, text only after 9", saved.Narrative);
        Assert.Equal("Domestic servitude suspected.", saved.OperatorNarrative);
        Assert.Equal("private house", saved.Venue);
        Assert.Contains("he took my phone", await ana.GetStringAsync($"/cases/{caller.CaseId}"));
    }

    [Fact]
    public async Task Classify_IvrAnswerArrivedMeanwhile_OperatorSaveOfOtherFieldsSucceeds()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var ana = await OperatorAsync();
        var page = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        await fixture.App.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caller.CaseId);
            @case.ChildInvolved = true; // as the IVR writes a caller's answer
            @case.CallbackWindow = "mornings";
            await db.SaveChangesAsync();
        });

        var form = ClassificationPage.Loaded(page);
        form.Venue = "farm";
        var save = await ClassificationPage.PostAsync(ana, caller.CaseId, page, form);

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.True(saved.ChildInvolved); // the caller's answer stands: the operator did not touch that box
        Assert.Equal("farm", saved.Venue);
    }

    [Fact]
    public async Task SafeContact_CallerChangedTheWindowWhileThePageWasOpen_StaleSaveKeepsTheCallersAnswer()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App); // window "evenings", no voicemail
        var ana = await OperatorAsync();
        var page = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        await fixture.App.WithDbAsync(
            db => db.Cases.Where(c => c.Id == caller.CaseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.CallbackWindow, "mornings")));

        var save = await PostSafeContactAsync(ana, caller.CaseId, page, window: "evenings", instructions: "Say you are from the pharmacy.");

        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.Equal("mornings", saved.CallbackWindow);
        Assert.Equal("Say you are from the pharmacy.", saved.SafeContactInstructions);
        Assert.False(saved.VoicemailAllowed);
    }

    [Fact]
    public async Task SafeContact_BothChangedTheWindow_SecondRefusedNamingTheFieldWithOldAndTheirs()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var ana = await OperatorAsync();
        var page = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        await fixture.App.WithDbAsync(
            db => db.Cases.Where(c => c.Id == caller.CaseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.CallbackWindow, "mornings")));

        await PostSafeContactAsync(
            ana, caller.CaseId, page, window: "weekends", instructions: "Only call after 7 pm; if a man answers, say wrong number.");

        var shown = await ana.GetStringAsync($"/cases/{caller.CaseId}");
        Assert.Contains("Not saved: Safe window", shown);
        Assert.Contains("Safe window: evenings -&gt; theirs: mornings", shown);
        Assert.Equal(
            "mornings",
            await fixture.App.WithDbAsync(db => db.Cases.Where(c => c.Id == caller.CaseId).Select(c => c.CallbackWindow).SingleAsync()));
    }

    private static Task<HttpResponseMessage> PostSafeContactAsync(
        HttpClient client, Guid caseId, string page, string window, string instructions) =>
        client.PostAsync($"/cases/{caseId}/safe-contact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ConsoleClient.TokenIn(page),
            ["SafeContact.Version"] = ClassificationPage.Hidden(page, "SafeContact.Version"),
            ["SafeContact.Loaded"] = ClassificationPage.Hidden(page, "SafeContact.Loaded"),
            ["SafeContact.CallbackAllowed"] = "true", ["SafeContact.VoicemailAllowed"] = "false",
            ["SafeContact.CallbackWindow"] = window, ["SafeContact.Instructions"] = instructions,
        }));

    private async Task<HttpClient> OperatorAsync()
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, Roles.Operator);
        return await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);
    }
}
