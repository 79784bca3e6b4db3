using Hotline.Web.Data;
using Hotline.Web.Operators;
using Microsoft.Extensions.Configuration;

namespace Hotline.Web.Tests.TwoFactor;

/// <summary>Who must use a second factor, and the text of keys and codes: no I/O.</summary>
public class TwoFactorRulesTests
{
    private static TwoFactorRules From(params (string Key, string Value)[] settings) => TwoFactorRules.From(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Fact]
    public void SupervisorsAndAdmins_AlwaysRequired_OperatorsNotByDefault()
    {
        var rules = From();
        Assert.True(rules.IsRequiredFor([Roles.Supervisor]));
        Assert.True(rules.IsRequiredFor([Roles.Admin, Roles.Supervisor]));
        Assert.False(rules.IsRequiredFor([Roles.Operator]));
        Assert.False(rules.IsRequiredFor([]));
    }

    [Fact]
    public void Operators_RequiredWhenConfigured()
    {
        var rules = From(("Hotline:TwoFactor:RequiredForOperators", "true"));
        Assert.True(rules.IsRequiredFor([Roles.Operator]));
    }

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData(" 123-456 ", "123456")]
    [InlineData(null, "")]
    public void Codes_TypedWithSpacesOrDashes_AreRead(string? typed, string read) => Assert.Equal(read, TwoFactorRules.Normalize(typed));

    [Theory]
    [InlineData("BCDFG-HJKMN", "BCDFG-HJKMN")]
    [InlineData(" bcdfg-hjkmn ", "BCDFG-HJKMN")]
    [InlineData("bcdfghjkmn", "BCDFG-HJKMN")]
    [InlineData("bcdfg hjkmn", "BCDFG-HJKMN")]
    public void RecoveryCodes_TypedLooselyMatchHowTheyAreStored(string typed, string read) =>
        Assert.Equal(read, TwoFactorRules.NormalizeRecoveryCode(typed));

    [Fact]
    public void Key_IsShownInGroupsOfFour() =>
        Assert.Equal("abcd efgh ijkl mnop q", TwoFactorRules.Grouped("ABCDEFGHIJKLMNOPQ"));

    [Fact]
    public void OtpAuthUri_NamesIssuerAndAccount_Escaped()
    {
        var uri = From(("Hotline:TwoFactor:Issuer", "Our Hotline")).OtpAuthUri("ana+night@hotline.test", "JBSWY3DPEHPK3PXP");
        Assert.Equal(
            "otpauth://totp/Our%20Hotline:ana%2Bnight%40hotline.test?secret=JBSWY3DPEHPK3PXP&issuer=Our%20Hotline&digits=6", uri);
    }

    [Fact]
    public void QrCode_IsPlainSvg_WithNothingTheStrictCspWouldBlock()
    {
        var svg = AuthenticatorQr.Svg("otpauth://totp/Hotline:a%40b.c?secret=JBSWY3DPEHPK3PXP&issuer=Hotline&digits=6");
        Assert.Contains("<svg", svg);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/", ""), StringComparison.Ordinal);
    }
}
