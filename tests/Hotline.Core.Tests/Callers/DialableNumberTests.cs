using Hotline.Core.Callers;
using Hotline.Core.Referrals;

namespace Hotline.Core.Tests.Callers;

public class DialableNumberTests
{
    [Theory]
    [InlineData("+12025550100", "+12025550100")]         // a US police duty line (the sample directory's)
    [InlineData("+1 (202) 555-0100", "+12025550100")]
    [InlineData("+44 20 7946 0958", "+442079460958")]   // a London landline
    public void Check_OrdinaryInternationalNumber_IsDialable(string typed, string e164)
    {
        var (number, problem) = DialableNumber.Check(typed);

        Assert.Null(problem);
        Assert.Equal(e164, number);
    }

    [Theory]
    [InlineData("+19005550123")]   // US 900: premium rate
    [InlineData("+449098790000")]  // UK 09: premium rate
    [InlineData("+448437000000")]  // UK 0843: shared cost
    public void Check_PremiumOrSharedCost_IsRefused(string typed)
    {
        var (number, problem) = DialableNumber.Check(typed);

        Assert.Null(number);
        Assert.Contains("premium-rate", problem);
    }

    [Theory]
    [InlineData("911")]
    [InlineData("85944")]
    [InlineData("123456")]
    public void Check_ShortCode_IsRefused(string typed)
    {
        var (number, problem) = DialableNumber.Check(typed);

        Assert.Null(number);
        Assert.Contains("short code", problem);
    }

    [Theory]
    [InlineData("2025550100")]       // no country code
    [InlineData("+1202555010O")]     // a letter
    [InlineData("+999123456789")]    // no such country
    [InlineData("client:advocate-1")]
    [InlineData("")]
    public void Check_NotE164_IsRefused(string typed)
    {
        var (number, problem) = DialableNumber.Check(typed);

        Assert.Null(number);
        Assert.NotNull(problem);
    }

    [Fact]
    public void Ending_ShowsOnlyTheLastFourDigits() => Assert.Equal("number ending 0100", DialableNumber.Ending("+12025550100"));

    [Fact]
    public void HandOverByPhone_FromPending_IsItsOwnStatusWithALabel()
    {
        var transition = ReferralMachine.Apply(ReferralStatus.Pending, ReferralTrigger.HandOverByPhone);

        Assert.True(transition.Changed);
        Assert.Equal(ReferralStatus.HandedOverByPhone, transition.To);
        Assert.Equal("Handed over by phone", CodeWords.Of(transition.To));
        Assert.False(transition.To.IsAwaitingAgency());
        Assert.True(ReferralMachine.Apply(ReferralStatus.HandedOverByPhone, ReferralTrigger.Close).Changed);
        Assert.False(ReferralMachine.Apply(ReferralStatus.Sent, ReferralTrigger.HandOverByPhone).Succeeded);
    }
}
