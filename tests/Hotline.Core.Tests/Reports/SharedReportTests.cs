using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

public sealed class SharedReportTests
{
    private static readonly IReadOnlyList<SharedTable> Shared =
        SharedReport.From(IndicatorCalculator.Compute(IndicatorFactsSample.Build()));

    private static string Cell(string table, string row, int column = 0) =>
        Shared.Single(t => t.Id == table).Rows.Single(r => r.Label == row).Cells[column];

    [Fact]
    public void Shared_SmallCounts_ShowAsLessThanFive()
    {
        Assert.Equal(SharedReport.Hidden, Cell("calls", "Abandoned"));
        Assert.Equal(SharedReport.Hidden, Cell("contacts-by-channel", "Chat"));
        Assert.Equal("0", Cell("contacts-by-channel", "WhatsApp"));
        Assert.Equal("6", Cell("contacts-by-channel", "Total"));
    }

    [Fact]
    public void Shared_OneSmallCellInAColumn_AnotherIsHiddenSoTheTotalDoesNotGiveItAway()
    {
        // 5 answered + 1 abandoned + 1 other = 7 offered: abandoned and other are both small; answered (5) stays.
        Assert.Equal("5", Cell("calls", "Answered"));
        Assert.Equal(SharedReport.Hidden, Cell("calls", "Ended otherwise"));
        Assert.Equal("7", Cell("calls", "Offered"));
    }

    [Fact]
    public void Shared_RateOfFewerThanFiveOrOfAHiddenCount_IsHidden()
    {
        // 5 of 7: the 2 unanswered are a small cell, so the rate would reveal it.
        Assert.Equal(SharedReport.Hidden, Cell("service-level", "Answer rate (%)"));
        Assert.Equal("30.0", Cell("service-level", "Average speed of answer (seconds)"));
        Assert.Equal(SharedReport.Hidden, Cell("service-level", "Average handle time (seconds)"));
        Assert.Equal(SharedReport.Hidden, Cell("referrals-by-agency-type", "Police", 2));
    }

    [Fact]
    public void Shared_AnswerRate_ShownWhenItsCountsAreLarge()
    {
        var facts = IndicatorFactsSample.Build();
        var calls = Enumerable.Range(0, 20).Select(i => new QueuedCallFact(facts.Now, facts.Now.AddSeconds(5), null, false))
            .Concat(Enumerable.Range(0, 10).Select(_ => new QueuedCallFact(facts.Now, null, facts.Now.AddSeconds(9), true))).ToList();

        var shared = SharedReport.From(IndicatorCalculator.Compute(facts with { Calls = calls }));

        Assert.Equal("67", shared.Single(t => t.Id == "service-level").Rows[0].Cells[0]);
    }

    [Fact]
    public void Shared_VenuesOfFewerThanFiveCases_ArePooled()
    {
        var venues = Shared.Single(t => t.Id == "cases-by-venue");

        Assert.DoesNotContain(venues.Rows, r => r.Label.Contains("arm", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(SharedReport.Hidden, venues.Rows.Single(r => r.Label == SharedReport.OtherVenues).Cells[0]);
    }
}
