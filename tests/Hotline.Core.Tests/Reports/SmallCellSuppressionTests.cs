using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

public sealed class SmallCellSuppressionTests
{
    /// <summary>One column of parts and its total, the total last.</summary>
    private static bool[] Column(params long[] partsThenTotal) =>
        SmallCellSuppression.Suppress(partsThenTotal,
            [new SuppressionLine(Enumerable.Range(0, partsThenTotal.Length - 1).ToList(), partsThenTotal.Length - 1)]);

    [Fact]
    public void Suppress_NoSmallCounts_HidesNothing() =>
        Assert.Equal([false, false, false, false], Column(5, 0, 12, 17));

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Suppress_CountOneToFour_IsHidden(long small) =>
        Assert.True(Column(small, 20, 30, 50 + small)[0]);

    [Fact]
    public void Suppress_OneSmallPart_AlsoHidesTheSmallestOtherPartSoTheTotalCannotRevealIt()
    {
        var hidden = Column(3, 10, 20, 33);

        Assert.Equal([true, true, false, false], hidden);
    }

    [Fact]
    public void Suppress_ComplementaryCell_SkipsZerosAndPicksTheSmallestNonZero()
    {
        var hidden = Column(2, 0, 40, 9, 51);

        Assert.Equal([true, false, false, true, false], hidden);
    }

    [Fact]
    public void Suppress_TwoSmallParts_NeedNoComplement() =>
        Assert.Equal([true, true, false, false], Column(3, 4, 20, 27));

    [Fact]
    public void Suppress_SmallTotal_IsHiddenWithItsParts() =>
        Assert.Equal([true, false, false, true], Column(3, 0, 0, 3));

    [Fact]
    public void Suppress_OnlyZerosBeside_HidesTheTotal()
    {
        // The part is primary; its total equals it and is small too, so both go. Nothing is left to deduce.
        var hidden = Column(0, 4, 4);

        Assert.Equal([false, true, true], hidden);
    }

    [Fact]
    public void Suppress_CrossTable_RepeatsUntilEveryRowAndColumnHidesTwoOrNone()
    {
        // a b | a+b        3  10 | 13
        // c d | c+d   =   20  30 | 50
        // ----             ------
        // a+c b+d         23  40 | 63 (grand total not in a line)
        long[] cells = [3, 10, 20, 30, 13, 50, 23, 40];
        SuppressionLine[] lines =
        [
            new([0, 1], 4), new([2, 3], 5), // rows
            new([0, 2], 6), new([1, 3], 7), // columns
        ];

        var hidden = SmallCellSuppression.Suppress(cells, lines);

        Assert.Equal([true, true, true, true, false, false, false, false], hidden);
        foreach (var line in lines)
            Assert.NotEqual(1, line.Parts.Append(line.Total).Count(i => hidden[i]));
    }
}
