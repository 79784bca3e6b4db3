using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Referrals;
using Hotline.Web.Referrals.Hsds;

namespace Hotline.Web.Tests.Hsds;

/// <summary>The sample directory (flows/agencies.sample.yaml) as agencies and as an HSDS file, and ways to spoil a file.</summary>
public static class HsdsSamples
{
    public static List<Agency> Agencies() =>
        [.. AgencyDirectoryFile.Load(Path.Combine(RepoRoot(), "flows", "agencies.sample.yaml")).Select(e => e.ToAgency())];

    public static JsonObject Export(IEnumerable<Agency> agencies) =>
        JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(HsdsExport.From(agencies), HsdsJson.Options))!.AsObject();

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node);

    public static JsonObject Organization(JsonObject file, int index) => file["organizations"]![index]!.AsObject();

    public static JsonObject Service(JsonObject file, int index) => Organization(file, index)["services"]![0]!.AsObject();

    /// <summary>What the directory holds for each agency, field by field, in a form a test can compare (channel ids aside).</summary>
    public static List<string> Describe(IEnumerable<Agency> agencies) =>
        [.. agencies.OrderBy(a => a.Id).Select(a => string.Join(" | ",
            a.Id, a.Name, a.Type, string.Join(",", a.Services), string.Join(",", a.Jurisdictions), string.Join(",", a.Languages),
            a.Hours ?? "24/7", a.TimeZone, a.Active, a.PathwayOrder, a.OnCallName, a.OnCallPhone,
            string.Join(",", a.Channels.OrderBy(c => c.Position).Select(c => $"{c.Position}:{c.Channel}:{c.Address}"))))];

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(dir.FullName, "flows"))) dir = dir.Parent!;
        return dir.FullName;
    }
}
