using System.Text.Json.Nodes;
using Hotline.Web.Referrals.Hsds;

namespace Hotline.Web.Tests.Hsds;

/// <summary>The HSDS file on its own (no database): our schema, the domain checks, and every error with its JSONPath.</summary>
public sealed class HsdsFileTests
{
    private static (IReadOnlyList<Hotline.Web.Data.Agency> Agencies, IReadOnlyList<HsdsError> Errors) Parse(JsonNode file) =>
        AgencyDirectoryHsds.Parse(HsdsSamples.Bytes(file));

    [Fact]
    public void Export_SampleDirectory_PassesOurSchemaAndReadsBackTheSameAgencies()
    {
        var agencies = HsdsSamples.Agencies();
        var file = HsdsSamples.Export(agencies);

        var (read, errors) = Parse(file);

        Assert.Empty(errors);
        Assert.Equal(HsdsSamples.Describe(agencies), HsdsSamples.Describe(read));
        // Hours are spelled out even when always open: the sample has 24/7 agencies and agencies with windows.
        Assert.Contains(agencies, a => a.Hours is null);
        Assert.Contains(agencies, a => a.Hours is not null);
    }

    [Fact]
    public void Export_SameDirectoryTwice_SameIds()
    {
        var first = HsdsSamples.Export(HsdsSamples.Agencies()).ToJsonString();
        var second = HsdsSamples.Export(HsdsSamples.Agencies()).ToJsonString();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Export_AgencyTypes_AreTaxonomyTermsOfTheDocumentedTaxonomy()
    {
        var file = HsdsSamples.Export(HsdsSamples.Agencies());
        var service = HsdsSamples.Service(file, 0);
        var type = service["attributes"]!.AsArray().Single(
            a => a!["taxonomy_term"]!["taxonomy_id"]!.GetValue<string>() == HotlineTaxonomy.AgencyTypesId.ToString())!;
        Assert.Equal(type["taxonomy_term_id"]!.GetValue<string>(), type["taxonomy_term"]!["id"]!.GetValue<string>());
        Assert.Contains(file["taxonomies"]!.AsArray(), t => t!["id"]!.GetValue<string>() == HotlineTaxonomy.AgencyTypesId.ToString());
        var docs = File.ReadAllText(Path.Combine(HsdsSamples.RepoRoot(), "docs", "hsds.md"));
        foreach (var t in Enum.GetValues<Hotline.Core.Referrals.AgencyType>()) Assert.Contains($"`{HotlineTaxonomy.Code(t)}`", docs);
    }

    [Fact]
    public void SchemaErrors_EveryOneReportedWithItsJsonPath()
    {
        var file = HsdsSamples.Export(HsdsSamples.Agencies());
        HsdsSamples.Organization(file, 0).Remove("name");
        HsdsSamples.Organization(file, 1)["id"] = "not-a-uuid";
        HsdsSamples.Service(file, 2)["status"] = "open";
        HsdsSamples.Service(file, 3)["phones"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString() });
        HsdsSamples.Service(file, 4)["schedules"]![0]!["freq"] = "DAILY";

        var (agencies, errors) = Parse(file);

        Assert.Empty(agencies);
        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("$.organizations[0]", paths);
        Assert.Contains(errors, e => e.Path == "$.organizations[0]" && e.Message.Contains("name"));
        Assert.Contains("$.organizations[1].id", paths);
        Assert.Contains("$.organizations[2].services[0].status", paths);
        Assert.Contains(errors, e => e.Path == "$.organizations[3].services[0].phones[0]" && e.Message.Contains("number"));
        Assert.Contains("$.organizations[4].services[0].schedules[0].freq", paths);
    }

    [Fact]
    public void DomainErrors_PhonesTermsChannelsHours_ReportedWithJsonPaths()
    {
        var file = HsdsSamples.Export(HsdsSamples.Agencies());
        // The first agency in the file (by name) with an on-call contact.
        var onCall = Enumerable.Range(0, 12).First(i => HsdsSamples.Service(file, i)["contacts"] is not null);
        var others = Enumerable.Range(0, 12).Where(i => i != onCall).ToArray();
        HsdsSamples.Service(file, onCall)["contacts"]![0]!["phones"]![0]!["number"] = "555-0100";
        var term = HsdsSamples.Service(file, others[0])["attributes"]![0]!["taxonomy_term"]!;
        term["code"] = "astrology";
        var channel = HsdsSamples.Service(file, others[1])["attributes"]!.AsArray()
            .Select((a, i) => (a, i)).First(x => x.a!["taxonomy_term"]!["code"]!.GetValue<string>() == HotlineTaxonomy.NotificationChannel);
        channel.a!["value"] = "webhook http://plain.example.org/hook";
        HsdsSamples.Service(file, others[2])["schedules"]![0]!["byday"] = "MO,XX";
        var timeZone = HsdsSamples.Service(file, others[3])["attributes"]!.AsArray()
            .Select((a, i) => (a, i)).First(x => x.a!["taxonomy_term"]!["code"]!.GetValue<string>() == HotlineTaxonomy.TimeZone);
        timeZone.a!["value"] = "Mars/Olympus_Mons";
        HsdsSamples.Organization(file, others[4])["id"] = HsdsSamples.Organization(file, others[5])["id"]!.GetValue<string>();

        var (agencies, errors) = Parse(file);

        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains($"$.organizations[{onCall}].services[0].contacts[0].phones[0].number", paths);
        Assert.Contains(errors, e => e.Path == $"$.organizations[{others[0]}].services[0].attributes[0].taxonomy_term"
                                     && e.Message.Contains("astrology"));
        Assert.Contains($"$.organizations[{others[1]}].services[0].attributes[{channel.i}].value", paths);
        Assert.Contains(errors, e => e.Path == $"$.organizations[{others[2]}].services[0].schedules[0].byday" && e.Message.Contains("XX"));
        Assert.Contains($"$.organizations[{others[3]}].services[0].attributes[{timeZone.i}].value", paths);
        Assert.Contains($"$.organizations[{Math.Max(others[4], others[5])}].id", paths);
        Assert.DoesNotContain(agencies, a => a.Name == HsdsSamples.Organization(file, onCall)["name"]!.GetValue<string>());
    }

    [Fact]
    public void NotJson_ReportsWhereItBroke()
    {
        var (agencies, errors) = AgencyDirectoryHsds.Parse("{\"organizations\": [\n  {\"id\": }\n]}"u8.ToArray());
        Assert.Empty(agencies);
        var error = Assert.Single(errors);
        Assert.StartsWith("$", error.Path);
        Assert.Contains("line 2", error.Message);
    }

    [Theory]
    [InlineData("/organizations/0/services/12/phones", "$.organizations[0].services[12].phones")]
    [InlineData("", "$")]
    [InlineData("/a~1b/c d", "$['a/b']['c d']")]
    public void PathOf_JsonPointer_IsJsonPath(string pointer, string path) => Assert.Equal(path, HsdsSchema.PathOf(pointer));
}
