using Hotline.Core.Pathway;
using Hotline.Core.Yaml;
using Hotline.Core.Referrals;
using Hotline.Core.Tests.Pathway;

namespace Hotline.Core.Tests.Referrals;

public class AgencyDirectoryFileTests
{
    // Line numbers: agencies 1, "- id" 2, name 3, type 4, jurisdictions 5, languages 6, hours 7,
    // time_zone 8, active 9, pathway_order 10, channels 11, channel 12, address 13.
    private static string One(string type = "shelter", string hours = "24/7", string zone = "America/Chicago",
        string channel = "sms", string address = "\"+15125550100\"", string id = "7b7f6a1e-0c1f-4c51-9c1a-2f6d0b0a0099") => $"""
        agencies:
          - id: {id}
            name: Test Shelter
            type: {type}
            jurisdictions: [TX]
            languages: [en]
            hours: {hours}
            time_zone: {zone}
            active: true
            pathway_order: 1
            channels:
              - channel: {channel}
                address: {address}
        """;

    private static YamlFileError SingleError(string yaml)
    {
        var ex = Assert.Throws<PathwayValidationException>(() => AgencyDirectoryFile.Parse(yaml, "agencies.yaml"));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void Parse_ValidAgency_ReadsListingAndChannel()
    {
        var entry = Assert.Single(AgencyDirectoryFile.Parse(One(), "agencies.yaml"));

        Assert.Equal(AgencyType.Shelter, entry.Listing.Type);
        Assert.Null(entry.Listing.Hours);
        Assert.Equal(new AgencyChannelSpec(NotificationChannel.Sms, "+15125550100"), Assert.Single(entry.Channels));
    }

    [Fact]
    public void Parse_UnknownAgencyType_ErrorOnLine()
    {
        var error = SingleError(One(type: "spa"));

        Assert.Equal(4, error.Line);
        Assert.Contains("unknown agency type 'spa'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTimeZone_Error()
    {
        var error = SingleError(One(zone: "Mars/Olympus"));

        Assert.Equal(8, error.Line);
    }

    [Fact]
    public void Parse_PlainHttpWebhook_Rejected()
    {
        var error = SingleError(One(channel: "webhook", address: "http://agency.example.org/hook"));

        Assert.Equal(13, error.Line);
        Assert.Contains("https", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadSmsNumber_Rejected()
    {
        Assert.Equal(13, SingleError(One(address: "5125550100")).Line);
    }

    [Fact]
    public void Parse_BadGuid_Rejected()
    {
        Assert.Equal(2, SingleError(One(id: "not-a-guid")).Line);
    }

    [Fact]
    public void Parse_OfficeHours_ParsedPerDay()
    {
        var yaml = One(hours: "\n      - days: [monday, friday]\n        open: \"09:00\"\n        close: \"17:00\"");

        var hours = Assert.Single(AgencyDirectoryFile.Parse(yaml, "agencies.yaml")).Listing.Hours;

        Assert.NotNull(hours);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], hours.Windows.Select(w => w.Day));
    }

    [Fact]
    public void Load_SampleDirectory_HasChannelsOnCallAndInactiveAgency()
    {
        var entries = AgencyDirectoryFile.Load(RepositoryFiles.Flow("agencies.sample.yaml"));

        Assert.True(entries.Count >= 10);
        Assert.Contains(entries, e => e.Listing.Type == AgencyType.Police && e.Listing.IsNational);
        Assert.Contains(entries, e => !e.Listing.Active);
        Assert.Contains(entries, e => e.OnCall is not null);
        Assert.Equal(entries.Count, entries.Select(e => e.Listing.Id).Distinct().Count());
    }

    [Fact]
    public void Load_SampleDirectoryTexasPolice_RegionalBeforeNational()
    {
        var listings = AgencyDirectoryFile.Load(RepositoryFiles.Flow("agencies.sample.yaml")).Select(e => e.Listing);

        var ranked = AgencyMatcher.Match(
            listings, AgencyType.Police, "TX", "es", new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, ranked.Count);
        Assert.Equal("Texas Regional Human Trafficking Unit", ranked[0].Agency.Name);
    }

    [Fact]
    public void Parse_SecondYamlDocument_RefusedNotIgnored()
    {
        var error = SingleError(One() + "\n---\nagencies: []\n");

        Assert.Contains("a second YAML document", error.Reason, StringComparison.Ordinal);
    }
}
