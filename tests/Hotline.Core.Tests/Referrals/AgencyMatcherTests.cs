using Hotline.Core.Cases;
using Hotline.Core.Hours;
using Hotline.Core.Referrals;
using static Hotline.Core.Tests.Referrals.Listings;

namespace Hotline.Core.Tests.Referrals;

public class AgencyMatcherTests
{
    private static IReadOnlyList<string> Names(IReadOnlyList<AgencyMatch> matches) => [.. matches.Select(m => m.Agency.Name)];

    [Fact]
    public void Match_ExactJurisdictionAndNational_ExactFirst()
    {
        var agencies = new[] { Agency("national", jurisdiction: "*", order: 0), Agency("texas", order: 5) };

        var matches = AgencyMatcher.Match(agencies, AgencyType.Shelter, "TX", null, WednesdayNoon);

        Assert.Equal(["texas", "national"], Names(matches));
        Assert.True(matches[0].JurisdictionExact);
        Assert.False(matches[1].JurisdictionExact);
    }

    [Fact]
    public void Match_OtherJurisdiction_Excluded()
    {
        var agencies = new[] { Agency("california", jurisdiction: "CA"), Agency("texas") };

        Assert.Equal(["texas"], Names(AgencyMatcher.Match(agencies, AgencyType.Shelter, "tx", null, WednesdayNoon)));
    }

    [Fact]
    public void Match_UnknownJurisdiction_NationalOnly()
    {
        var agencies = new[] { Agency("texas"), Agency("national", jurisdiction: "*") };

        Assert.Equal(["national"], Names(AgencyMatcher.Match(agencies, AgencyType.Shelter, null, null, WednesdayNoon)));
    }

    [Fact]
    public void Match_InactiveAndOtherType_Excluded()
    {
        var agencies = new[] { Agency("closed", active: false), Agency("police", AgencyType.Police), Agency("open") };

        Assert.Equal(["open"], Names(AgencyMatcher.Match(agencies, AgencyType.Shelter, "TX", null, WednesdayNoon)));
    }

    [Fact]
    public void Match_LanguageSpoken_Preferred()
    {
        var agencies = new[] { Agency("english", order: 0), Agency("spanish", language: "es", order: 9) };

        var matches = AgencyMatcher.Match(agencies, AgencyType.Shelter, "TX", "ES", WednesdayNoon);

        Assert.Equal(["spanish", "english"], Names(matches));
        Assert.True(matches[0].LanguageMatch);
    }

    [Fact]
    public void Match_UrgentAtNight_OpenAgencyBeforeClosedLocalOne()
    {
        var agencies = new[] { Agency("local-office", hours: OfficeHours, order: 0), Agency("national-24-7", jurisdiction: "*", order: 9) };

        var matches = AgencyMatcher.Match(agencies, AgencyType.Shelter, "TX", null, WednesdayNight, Urgency.Crisis);

        Assert.Equal(["national-24-7", "local-office"], Names(matches));
        Assert.False(matches[1].OpenNow);
    }

    [Fact]
    public void Match_NotUrgentAtNight_LocalStillFirst()
    {
        var agencies = new[] { Agency("local-office", hours: OfficeHours), Agency("national-24-7", jurisdiction: "*") };

        var matches = AgencyMatcher.Match(agencies, AgencyType.Shelter, "TX", null, WednesdayNight, Urgency.Low);

        Assert.Equal(["local-office", "national-24-7"], Names(matches));
    }

    [Fact]
    public void Match_OfficeHoursAtNoon_OpenNow()
    {
        var match =
            Assert.Single(AgencyMatcher.Match([Agency("office", hours: OfficeHours)], AgencyType.Shelter, "TX", null, WednesdayNoon));

        Assert.True(match.OpenNow);
    }

    [Fact]
    public void Match_EqualOtherwise_PathwayOrderDecides()
    {
        var agencies = new[] { Agency("second", order: 2), Agency("first", order: 1), Agency("third", order: 3) };

        Assert.Equal(["first", "second", "third"], Names(AgencyMatcher.Match(agencies, AgencyType.Shelter, "TX", null, WednesdayNoon)));
    }

    [Fact]
    public void OpeningWindow_PastMidnight_OpenEarlyNextDay()
    {
        var night = new OpeningWindow(DayOfWeek.Friday, new TimeOnly(20, 0), new TimeOnly(6, 0));

        Assert.True(night.Contains(DayOfWeek.Saturday, new TimeOnly(5, 59)));
        Assert.False(night.Contains(DayOfWeek.Saturday, new TimeOnly(6, 0)));
        Assert.True(night.Contains(DayOfWeek.Friday, new TimeOnly(23, 0)));
        Assert.False(night.Contains(DayOfWeek.Friday, new TimeOnly(19, 0)));
    }
}
