using System.Text.Json.Nodes;
using Hotline.Web.Data;
using Hotline.Web.Referrals.Hsds;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Hsds;

/// <summary>Import against the real database: the round trip, the merge by HSDS id, and a bad file changing nothing.</summary>
public sealed class HsdsImportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private Task<List<Agency>> DirectoryAsync(HotlineApp app) =>
        app.WithDbAsync(db => db.Agencies.AsNoTracking().Include(a => a.Channels).ToListAsync());

    private async Task<JsonObject> ExportAsync(HotlineApp app)
    {
        byte[] bytes = [];
        await app.RunAsync<AgencyDirectoryHsds>(async d => bytes = await d.ExportAsync(null, CancellationToken.None));
        return JsonNode.Parse(bytes)!.AsObject();
    }

    private static async Task<HsdsImportResult> ImportAsync(HotlineApp app, JsonNode file, bool checkOnly = false)
    {
        HsdsImportResult? result = null;
        await app.RunAsync<AgencyDirectoryHsds>(
            async d => result = await d.ImportAsync(HsdsSamples.Bytes(file), checkOnly, "test", CancellationToken.None));
        return result!;
    }

    private Task<long> AuditCountAsync(string action) =>
        TestPostgres.ScalarAsync<long>(fixture.ConnectionString, $"SELECT count(*) FROM audit_entries WHERE \"Action\" = '{action}'");

    [Fact]
    public async Task RoundTrip_ExportThenImportIntoAnEmptyDatabase_SameDirectory()
    {
        var directory = await DirectoryAsync(fixture.App);
        var file = await ExportAsync(fixture.App);

        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            await using var empty = new HotlineApp(database, fixture.Twilio);
            _ = empty.Server; // migrations and the seeder; the seeded agencies are then removed to start empty
            await TestPostgres.ExecuteAsync("DELETE FROM agency_channels; DELETE FROM agencies", database);
            Assert.Empty(await DirectoryAsync(empty));

            var result = await ImportAsync(empty, file);

            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.All(result.Steps, s => Assert.Equal(HsdsImportAction.Add, s.Action));
            Assert.Equal(HsdsSamples.Describe(directory), HsdsSamples.Describe(await DirectoryAsync(empty)));
            // ...and exporting it again gives the same file, ids included.
            Assert.Equal(file.ToJsonString(), (await ExportAsync(empty)).ToJsonString());
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task BadFile_OneErrorAmongGoodChanges_ChangesNothing()
    {
        var before = HsdsSamples.Describe(await DirectoryAsync(fixture.App));
        var imports = await AuditCountAsync("agency.hsds-import");
        var file = await ExportAsync(fixture.App);
        HsdsSamples.Organization(file, 0)["name"] = "Renamed By A Good Change";
        file["organizations"]!.AsArray().Add(NewOrganization(file, "A New Agency"));
        HsdsSamples.Service(file, 2)["phones"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(), ["number"] = "call us", ["type"] = "text",
        });

        var result = await ImportAsync(fixture.App, file);

        Assert.False(result.Succeeded);
        Assert.False(result.Written);
        Assert.Contains(result.Errors, e => e.Path == "$.organizations[2].services[0].phones[0].number");
        Assert.Equal(before, HsdsSamples.Describe(await DirectoryAsync(fixture.App)));
        Assert.Equal(imports, await AuditCountAsync("agency.hsds-import"));
    }

    [Fact]
    public async Task Merge_ByHsdsId_ChecksFirstThenUpdatesAndAddsLeavingOthersAlone()
    {
        var directory = await DirectoryAsync(fixture.App);
        var file = await ExportAsync(fixture.App);
        var changedId = Guid.Parse(HsdsSamples.Organization(file, 0)["id"]!.GetValue<string>());
        var languages = HsdsSamples.Service(file, 0)["languages"]!.AsArray();
        languages.Add(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["code"] = "zu" });
        var added = NewOrganization(file, "Agency Added By Import");
        var addedId = Guid.Parse(added["id"]!.GetValue<string>());
        file["organizations"]!.AsArray().Add(added);

        var check = await ImportAsync(fixture.App, file, checkOnly: true);

        Assert.True(check.Succeeded, string.Join("\n", check.Errors));
        Assert.False(check.Written);
        Assert.Equal(HsdsImportAction.Update, check.Steps.Single(s => s.Id == changedId).Action);
        Assert.Equal(HsdsImportAction.Add, check.Steps.Single(s => s.Id == addedId).Action);
        Assert.Equal(directory.Count - 1, check.Steps.Count(s => s.Action == HsdsImportAction.Unchanged));
        Assert.Equal(HsdsSamples.Describe(directory), HsdsSamples.Describe(await DirectoryAsync(fixture.App)));

        var imports = await AuditCountAsync("agency.hsds-import");
        var result = await ImportAsync(fixture.App, file);

        Assert.True(result.Written);
        var after = await DirectoryAsync(fixture.App);
        Assert.Contains("zu", after.Single(a => a.Id == changedId).Languages);
        Assert.Equal("Agency Added By Import", after.Single(a => a.Id == addedId).Name);
        Assert.Equal(
            HsdsSamples.Describe(directory.Where(a => a.Id != changedId)),
            HsdsSamples.Describe(after.Where(a => a.Id != changedId && a.Id != addedId)));
        Assert.Equal(imports + 1, await AuditCountAsync("agency.hsds-import"));
    }

    /// <summary>A copy of the file's second organization under a new id and name.</summary>
    private static JsonObject NewOrganization(JsonObject file, string name)
    {
        var copy = HsdsSamples.Organization(file, 1).DeepClone().AsObject();
        var id = Guid.NewGuid().ToString();
        copy["id"] = id;
        copy["name"] = name;
        copy["services"]![0]!["organization_id"] = id;
        return copy;
    }
}
