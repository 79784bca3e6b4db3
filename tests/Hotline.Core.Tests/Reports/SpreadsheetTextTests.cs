using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public void Neutralise_FormulaStart_GetsAnApostrophe(string text) =>
        Assert.Equal("'" + text, SpreadsheetText.Neutralise(text));

    [Theory]
    [InlineData("Farm")]
    [InlineData("<5")]
    [InlineData("71")]
    [InlineData("")]
    [InlineData("a=b")]
    public void Neutralise_PlainText_Unchanged(string text) =>
        Assert.Equal(text, SpreadsheetText.Neutralise(text));
}
