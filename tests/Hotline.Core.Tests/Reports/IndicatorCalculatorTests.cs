using Hotline.Core.Reports;

namespace Hotline.Core.Tests.Reports;

public sealed class IndicatorCalculatorTests
{
    private static readonly IndicatorReport Report = IndicatorCalculator.Compute(IndicatorFactsSample.Build());

    private static string Cell(string table, string row, int column = 0) =>
        Report.Table(table).Rows.Single(r => r.Label == row).Cells[column].Text;

    [Fact]
    public void ContactCentre_SevenOfferedFiveAnswered_AnswerRate71()
    {
        Assert.Equal("7", Cell("calls", "Offered"));
        Assert.Equal("5", Cell("calls", "Answered"));
        Assert.Equal("1", Cell("calls", "Abandoned"));
        Assert.Equal("1", Cell("calls", "Ended otherwise"));
        Assert.Equal("71", Cell("service-level", "Answer rate (%)"));
    }

    [Fact]
    public void ContactCentre_Waits_SpeedOfAnswerLongestWaitAndHandleTime()
    {
        Assert.Equal("30.0", Cell("service-level", "Average speed of answer (seconds)"));
        Assert.Equal("120.0", Cell("service-level", "Longest wait (seconds)"));
        Assert.Equal("250.0", Cell("service-level", "Average handle time (seconds)"));
    }

    [Fact]
    public void Contacts_ByChannelAndType_CountEachContactOnce()
    {
        Assert.Equal("3", Cell("contacts-by-channel", "Voice"));
        Assert.Equal("2", Cell("contacts-by-channel", "SMS"));
        Assert.Equal("1", Cell("contacts-by-channel", "Chat"));
        Assert.Equal("0", Cell("contacts-by-channel", "WhatsApp"));
        Assert.Equal("6", Cell("contacts-by-channel", "Total"));
        Assert.Equal("3", Cell("contacts-by-type", "Crisis"));
        Assert.Equal("2", Cell("contacts-by-type", "Tip"));
        Assert.Equal("1", Cell("contacts-by-type", IndicatorCalculator.NotClassified));
    }

    [Fact]
    public void Cases_ByTraffickingTypeVenueAndMinors()
    {
        Assert.Equal("1", Cell("cases-by-trafficking-type", "Sex"));
        Assert.Equal("1", Cell("cases-by-trafficking-type", "Labour"));
        Assert.Equal("1", Cell("cases-by-trafficking-type", IndicatorCalculator.NotClassified));
        // "Farm" and " farm " are one venue.
        Assert.Equal("2", Cell("cases-by-venue", "Farm"));
        Assert.Equal("1", Cell("cases-by-venue", IndicatorCalculator.NotRecorded));
        Assert.Equal("2", Cell("cases-minors", "Involving a minor"));
        Assert.Equal("3", Cell("cases-minors", "Cases opened"));
    }

    [Fact]
    public void MandatoryReferrals_MadeVersusRequired()
    {
        Assert.Equal("3", Cell("mandatory-referrals", "Made"));
        Assert.Equal("1", Cell("mandatory-referrals", "Not made"));
        Assert.Equal("4", Cell("mandatory-referrals", "Required"));
    }

    [Fact]
    public void Referrals_ByAgencyType_AcknowledgedInTimeMedianAndOutcomes()
    {
        // Sent, Delivered, Ack in time %, Median ack (min), Accepted, Declined, Escalations
        string[] Row(string label) => Report.Table("referrals-by-agency-type").Rows.Single(r => r.Label == label).Cells
            .Select(c => c.Text).ToArray();
        Assert.Equal(["3", "2", "33", "60.0", "1", "1", "1"], Row("Police"));
        Assert.Equal(["1", "1", "100", "10.0", "0", "0", "0"], Row("Shelter"));
        Assert.Equal(["0", "0", "—", "—", "0", "0", "0"], Row("Medical"));
        Assert.Equal(["4", "3", "50", "30.0", "1", "1", "1"], Row("Total"));
    }

    [Fact]
    public void FollowThrough_CallbacksClosuresAndTimeToReferral()
    {
        Assert.Equal("2", Cell("callbacks", "Promised"));
        Assert.Equal("1", Cell("callbacks", "Made inside the safe window"));
        Assert.Equal("2", Cell("cases-closed-by-outcome", "Referred and accepted"));
        Assert.Equal("1", Cell("cases-closed-by-outcome", IndicatorCalculator.NotRecorded));
        Assert.Equal("3", Cell("cases-closed-by-outcome", "Total"));
        Assert.Equal("3.0", Cell("time-to-referral", "Median first contact to first referral (hours)"));
    }

    [Fact]
    public void EveryFigure_NamesAnIndicatorOfTheCatalogue() =>
        Assert.All(Report.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells),
            f => Assert.Equal(f.Unit, IndicatorCatalogue.ById(f.IndicatorId).Unit));
}
