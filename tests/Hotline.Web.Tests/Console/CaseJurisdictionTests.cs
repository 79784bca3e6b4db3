using System.Net;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Console;

/// <summary>Jurisdiction cannot silently hide agencies: picked from the directory's list, checked on save, warned about on the
/// case.</summary>
public class CaseJurisdictionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Show_ClassificationForm_OffersTheDirectorysJurisdictionsToPick()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");

        Assert.Matches("<select[^>]*name=\"Classification.Jurisdiction\"", page);
        Assert.Contains("<option value=\"TX\">TX</option>", page);
        Assert.Contains("<option value=\"CA\">CA</option>", page);
        Assert.DoesNotContain("US-IL", page);
    }

    [Fact]
    public async Task Classify_JurisdictionNoAgencyServes_RefusedWithAFormErrorAndInputKept()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");
        var form = ClassificationPage.Loaded(page);
        form.Jurisdiction = "US-TX";
        form.Venue = "cantina";

        var response = await ClassificationPage.PostAsync(client, caller.CaseId, page, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await response.Content.ReadAsStringAsync();
        Assert.Contains("jurisdiction US-TX is not served by any agency in the directory", shown);
        Assert.Contains("value=\"cantina\"", shown);
        var saved = await fixture.App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == caller.CaseId));
        Assert.Null(saved.Jurisdiction);
        Assert.Null(saved.Venue);
    }

    [Fact]
    public async Task Show_CaseWhoseJurisdictionNoAgencyServes_SaysSoOnTheCasePage()
    {
        var caller = await ConsoleSeed.QueuedCallerAsync(fixture.App);
        await fixture.App.WithDbAsync(
            db => db.Cases.Where(c => c.Id == caller.CaseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Jurisdiction, "US-TX")));
        var client = await ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

        var page = await client.GetStringAsync($"/cases/{caller.CaseId}");

        Assert.Contains("No agency in the directory serves US-TX", page);
        Assert.Contains("<option value=\"US-TX\" selected=\"selected\">US-TX (no agency in the directory)</option>", page);
    }
}
