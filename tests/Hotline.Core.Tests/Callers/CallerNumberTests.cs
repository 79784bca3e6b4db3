using Hotline.Core.Callers;

namespace Hotline.Core.Tests.Callers;

public class CallerNumberTests
{
    [Theory]
    [InlineData("+266696687")]   // ANONYMOUS
    [InlineData("+7378742833")]  // RESTRICTED
    [InlineData("+2562533")]     // BLOCKED
    [InlineData("+8656696")]     // UNKNOWN
    [InlineData("+86282452253")] // UNAVAILABLE
    [InlineData("anonymous")]
    [InlineData("Anonymous")]
    [InlineData("restricted")]
    [InlineData("unknown")]
    [InlineData("private")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Usable_WithheldPlaceholder_IsNull(string? from) => Assert.Null(CallerNumber.Usable(from));

    [Theory]
    [InlineData("5550100000")]            // no country: not E.164
    [InlineData("+1")]                    // too short to be anyone's
    [InlineData("+123")]
    [InlineData("+1555010000012345678")]  // too long
    [InlineData("+1 555 CALL NOW")]       // letters
    [InlineData("client:alice")]          // a Twilio client, not a phone
    [InlineData("+44 20 7946 0958 ext 3")]
    public void Usable_NotAPlausibleE164Number_IsNull(string from) => Assert.Null(CallerNumber.Usable(from));

    [Theory]
    [InlineData("+15557654321", "+15557654321")]
    [InlineData("+1 (555) 765-4321", "+15557654321")]
    [InlineData(" +447946095800 ", "+447946095800")]
    [InlineData("+48 512 345 678", "+48512345678")]
    public void Usable_RealNumber_IsItsE164Form(string from, string expected) => Assert.Equal(expected, CallerNumber.Usable(from));

    [Fact]
    public void IsWithheld_PlaceholderAndRealNumber_TellThemApart()
    {
        Assert.True(CallerNumber.IsWithheld("+266696687"));
        Assert.False(CallerNumber.IsWithheld("+15557654321"));
    }
}
