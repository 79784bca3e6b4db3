using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hotline.Web.Data;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Hsds;

/// <summary>The admin page: download, upload with every error shown, audited, and closed to staff without the Admin role.</summary>
public sealed class HsdsAdminPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Page = "/admin/agencies/hsds";

    private Task<HttpClient> AdminAsync() => ConsoleClient.SignedInAsync(fixture.App, HotlineApp.AdminEmail, HotlineApp.AdminPassword);

    private Task<string?> DirectoryAsync() => TestPostgres.ScalarAsync<string>(fixture.ConnectionString,
        "SELECT string_agg(a.\"Name\" || a.\"Active\"::text || c.\"Address\", ',' ORDER BY a.\"Id\", c.\"Position\") "
        + "FROM agencies a JOIN agency_channels c ON c.\"AgencyId\" = a.\"Id\"");

    private Task<long> AuditCountAsync(string action) =>
        TestPostgres.ScalarAsync<long>(fixture.ConnectionString, $"SELECT count(*) FROM audit_entries WHERE \"Action\" = '{action}'");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, bool checkOnly = false)
    {
        var token = ConsoleClient.TokenIn(await client.GetStringAsync(Page));
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "File", "directory.json");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (checkOnly) content.Add(new StringContent("true"), "CheckOnly");
        return await client.PostAsync(Page, content);
    }

    [Fact]
    public async Task DirectoryPage_LinksToTheHsdsPage()
    {
        var client = await AdminAsync();
        Assert.Contains($"href=\"{Page}\"", await client.GetStringAsync("/admin/agencies"));
    }

    [Fact]
    public async Task Download_Admin_GetsTheDirectoryAsHsdsAndItIsAudited()
    {
        var client = await AdminAsync();
        var downloads = await AuditCountAsync("agency.hsds-export");

        var response = await client.GetAsync(Page + "/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var file = JsonNode.Parse(await response.Content.ReadAsByteArrayAsync())!;
        Assert.Equal(12, file["organizations"]!.AsArray().Count);
        Assert.Equal(downloads + 1, await AuditCountAsync("agency.hsds-export"));
    }

    [Fact]
    public async Task UploadBadFile_ShowsEveryErrorWithItsPathAndChangesNothing()
    {
        var client = await AdminAsync();
        var file = HsdsSamples.Export(HsdsSamples.Agencies());
        HsdsSamples.Organization(file, 0)["name"] = "Must Not Land";
        HsdsSamples.Organization(file, 3)["id"] = "not-a-uuid";
        HsdsSamples.Service(file, 5)["status"] = "open";
        var before = await DirectoryAsync();

        var response = await UploadAsync(client, HsdsSamples.Bytes(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("validation-summary-errors", html);
        Assert.Contains("nothing was imported", html);
        Assert.Contains("$.organizations[3].id", html);
        Assert.Contains("$.organizations[5].services[0].status", html);
        Assert.Equal(before, await DirectoryAsync());
    }

    [Fact]
    public async Task UploadFileWithHundredsOfErrors_ListsEveryOne()
    {
        var client = await AdminAsync();
        var file = HsdsSamples.Export(HsdsSamples.Agencies());
        var phones = new JsonArray();
        for (var i = 0; i < 300; i++) phones.Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["number"] = $"bad {i}" });
        HsdsSamples.Service(file, 0)["phones"] = phones;

        var html = WebUtility.HtmlDecode(await (await UploadAsync(client, HsdsSamples.Bytes(file))).Content.ReadAsStringAsync());

        Assert.Contains("300 error(s)", html);
        Assert.Contains("$.organizations[0].services[0].phones[0].number", html);
        Assert.Contains("$.organizations[0].services[0].phones[299].number", html);
    }

    [Fact]
    public async Task UploadNotJson_ShowsTheErrorNot500()
    {
        var client = await AdminAsync();
        var response = await UploadAsync(client, "<organizations/>"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UploadGoodFile_CheckOnlySaysWhatThenImportMergesAndIsAudited()
    {
        var client = await AdminAsync();
        var file = HsdsSamples.Export(HsdsSamples.Agencies());
        var id = HsdsSamples.Organization(file, 0)["id"]!.GetValue<string>();
        HsdsSamples.Service(file, 0)["status"] = "inactive";
        var before = await DirectoryAsync();

        var check = await UploadAsync(client, HsdsSamples.Bytes(file), checkOnly: true);
        var page = await check.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("0 added, 1 updated, 11 unchanged", page);
        Assert.Equal(before, await DirectoryAsync());

        var imports = await AuditCountAsync("agency.hsds-import");
        var import = await UploadAsync(client, HsdsSamples.Bytes(file));
        Assert.Equal(HttpStatusCode.Redirect, import.StatusCode);
        Assert.Contains("0 added, 1 updated, 11 unchanged", await client.GetStringAsync(Page));
        Assert.False(await fixture.App.WithDbAsync(async db => (await db.Agencies.FindAsync(Guid.Parse(id)))!.Active));
        Assert.Equal(imports + 1, await AuditCountAsync("agency.hsds-import"));
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Supervisor)]
    public async Task StaffWithoutAdmin_Refused(string role)
    {
        var email = await ConsoleSeed.UserAsync(fixture.App, role);
        var client = await ConsoleClient.SignedInAsync(fixture.App, email, ConsoleSeed.OperatorPassword);
        var before = await DirectoryAsync();

        foreach (var request in new[]
        {
            new HttpRequestMessage(HttpMethod.Get, Page), new HttpRequestMessage(HttpMethod.Get, Page + "/export"),
            new HttpRequestMessage(HttpMethod.Post, Page)
                { Content = new MultipartFormDataContent { { new ByteArrayContent([]), "File", "x.json" } } },
        })
        {
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/denied", response.Headers.Location!.ToString());
        }
        Assert.Equal(before, await DirectoryAsync());
    }
}
