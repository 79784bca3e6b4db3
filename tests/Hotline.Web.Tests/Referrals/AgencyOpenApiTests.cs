using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Web.Referrals;
using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Referrals;

/// <summary>
/// The served agency API document must equal docs/openapi/agency-v1.json. After a deliberate API change, regenerate
/// the file with: HOTLINE_UPDATE_OPENAPI=1 ./hotline test --filter "FullyQualifiedName~AgencyOpenApiTests"
/// </summary>
public sealed class AgencyOpenApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    // Relaxed escaping: the file is read by people ("agency's", not "agency\u0027s"); nothing here is embedded in HTML.
    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Document_Served_MatchesTheCheckedInFile()
    {
        var response = await fixture.App.CreateClient().GetAsync(AgencyApiDocument.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = Normalise(await response.Content.ReadAsStringAsync());
        var file = Path.Combine(RepoRoot(), "docs", "openapi", "agency-v1.json");

        if (Environment.GetEnvironmentVariable("HOTLINE_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(file, served);

        Assert.True(File.Exists(file), $"{file} is missing: run with HOTLINE_UPDATE_OPENAPI=1 to write it");
        Assert.True(
            served == Normalise(await File.ReadAllTextAsync(file)),
            "The agency API changed but docs/openapi/agency-v1.json did not. If the change is deliberate, regenerate it: " +
            "HOTLINE_UPDATE_OPENAPI=1 ./hotline test --filter \"FullyQualifiedName~AgencyOpenApiTests\" (and tell the agencies).");
    }

    [Fact]
    public async Task Document_Served_DescribesTheThreeAnswersAndNothingElse()
    {
        var document = JsonNode.Parse(await fixture.App.CreateClient().GetStringAsync(AgencyApiDocument.Url))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).Order().ToList();
        Assert.Equal(
            ["/api/agency/referrals/{token}/accept", "/api/agency/referrals/{token}/acknowledge", "/api/agency/referrals/{token}/decline"],
            paths);
        Assert.NotNull(document["paths"]!["/api/agency/referrals/{token}/accept"]!["post"]!["responses"]!["410"]);
    }

    private static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HotlineService.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("HotlineService.sln not found above " + AppContext.BaseDirectory);
    }
}
