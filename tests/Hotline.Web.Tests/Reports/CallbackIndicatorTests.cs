using Hotline.Core.Reports;
using Hotline.Web.Data;
using Hotline.Web.Operators;
using Hotline.Web.Reports;
using Hotline.Web.Tests.Console;

namespace Hotline.Web.Tests.Reports;

/// <summary>
/// The follow-through and contact-centre figures read from the database (<see cref="IndicatorQueries"/>, the dashboard's
/// <see cref="ServiceLevels"/>) over <see cref="CallbackIndicatorSeed"/>, whose answers are known by construction.
/// </summary>
public sealed class CallbackIndicatorTests(CallbackIndicatorFixture fixture) : IClassFixture<CallbackIndicatorFixture>
{
    private async Task<IndicatorReport> ReportAsync()
    {
        IndicatorReport? report = null;
        await fixture.App.RunAsync<IndicatorQueries>(async q => report = await q.ReportAsync(
            new DashboardPeriod { From = CallbackIndicatorSeed.From, To = CallbackIndicatorSeed.To }, "TX", CancellationToken.None));
        return report!;
    }

    private static string Figure(IndicatorReport report, string indicator) =>
        report.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).First(f => f.IndicatorId == indicator).Text;

    private static string Row(IndicatorReport report, string table, string row) =>
        report.Table(table).Rows.Single(r => r.Label == row).Cells[0].Text;

    [Fact]
    public async Task OutboundCallbackCall_IsNotAnOfferedInboundCall()
    {
        var report = await ReportAsync();

        Assert.Equal("2", Figure(report, IndicatorCatalogue.CallsOffered));
        Assert.Equal("1", Figure(report, IndicatorCatalogue.CallsAnswered));
        Assert.Equal("1", Figure(report, IndicatorCatalogue.CallsAbandoned));
        Assert.Equal("50", Figure(report, IndicatorCatalogue.AnswerRate));
        Assert.Equal("20.0", Figure(report, IndicatorCatalogue.SpeedOfAnswer));
        Assert.Equal("90.0", Figure(report, IndicatorCatalogue.LongestWait));
    }

    [Fact]
    public async Task OutboundCallbackCall_IsNotAContactThatCameIn()
    {
        var report = await ReportAsync();

        Assert.Equal("2", Row(report, "contacts-by-channel", "Voice"));
        Assert.Equal("2", Row(report, "contacts-by-channel", IndicatorCalculator.Total));
    }

    [Fact]
    public async Task OutboundCallbackCall_IsNotOfferedOnTheDashboardEither()
    {
        ServiceLevelReport? levels = null;
        await fixture.App.RunAsync<ServiceLevels>(async s => levels = await s.ReportAsync(
            new DashboardPeriod { From = CallbackIndicatorSeed.From, To = CallbackIndicatorSeed.To }, CancellationToken.None));

        Assert.Equal((2, 1, 1), (levels!.Offered, levels.Answered, levels.Abandoned));
        Assert.Equal(TimeSpan.FromSeconds(20), levels.AverageSpeedOfAnswer);
        Assert.Equal(TimeSpan.FromSeconds(90), levels.LongestWait);
    }

    [Fact]
    public async Task CallbackAttemptOutsideTheSafeWindow_IsNotCountedAsMadeInside()
    {
        var report = await ReportAsync();

        // B (10:00 in Chicago, evening window) and C (no attempt) are not made inside; A and D are.
        Assert.Equal("2", Figure(report, IndicatorCatalogue.CallbacksNotMade));
        Assert.Equal("2", Figure(report, IndicatorCatalogue.CallbacksMade));
    }

    [Fact]
    public async Task CallbackAttemptInsideTheSafeWindow_ReachedOnlyWhenAPersonAnswered()
    {
        var report = await ReportAsync();

        Assert.Equal("1", Figure(report, IndicatorCatalogue.CallbacksReached)); // A: a person answered at 17:30
        Assert.Equal("1", Figure(report, IndicatorCatalogue.CallbacksNotReached)); // D: an answering machine at 09:00
    }

    [Fact]
    public async Task KeptPromise_WhoseTimeTheRetryRuleCleared_StillCountsAsPromised()
    {
        var report = await ReportAsync();

        // A's and D's callback times were cleared when their attempts settled; B and C are still due.
        Assert.Equal("4", Figure(report, IndicatorCatalogue.CallbacksPromised));
    }

    [Fact]
    public async Task Page_ShowsTheReachedFigureFromTheCatalogue()
    {
        var client = await ConsoleClient.SignedInAsync(
            fixture.App, await ConsoleSeed.UserAsync(fixture.App, Roles.Supervisor), ConsoleSeed.OperatorPassword);

        var page = await client.GetStringAsync($"/reports?{CallbackIndicatorSeed.Period}&jurisdiction=TX");

        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.CallbacksReached}\">1<", page);
        Assert.Contains($"data-indicator=\"{IndicatorCatalogue.CallsOffered}\">2<", page);
        Assert.Contains(IndicatorCatalogue.ById(IndicatorCatalogue.CallbacksReached).Name, page);
    }
}
