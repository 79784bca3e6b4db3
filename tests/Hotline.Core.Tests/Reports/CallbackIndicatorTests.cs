using Hotline.Core.Callbacks;
using Hotline.Core.Cases;
using Hotline.Core.Hours;
using Hotline.Core.Reports;
using static Hotline.Core.Tests.Reports.IndicatorFactsSample;

namespace Hotline.Core.Tests.Reports;

/// <summary>
/// Callbacks promised vs made inside the safe window, counted from callback attempts and judged with the one hours
/// model; and a callback's own call, which is not an inbound call.
/// </summary>
public sealed class CallbackIndicatorTests
{
    private static CaseFact Promised(CallbackWindow? window, params CallbackAttemptFact[] attempts) =>
        new(T0, null, null, false, 0, 0, T0, null, true, window, attempts);

    private static CallbackAttemptFact A(DateTimeOffset placedAt, CallbackOutcome? outcome) => new(placedAt, outcome);

    private static IndicatorReport Report(params CaseFact[] cases) =>
        IndicatorCalculator.Compute(Build() with { Cases = cases });

    private static string Cell(IndicatorReport report, string indicator) =>
        report.Table("callbacks").Rows.SelectMany(r => r.Cells).Single(f => f.IndicatorId == indicator).Text;

    [Fact]
    public void CallbackAttemptOutsideTheSafeWindow_IsNotCountedAsMadeInside()
    {
        // 16:59 and 21:00 UTC: a minute before the 17:00-21:00 window opens, and the moment it closes.
        var report = Report(Promised(Evening, A(EveningAt(-1), CallbackOutcome.Answered), A(EveningAt(240), CallbackOutcome.Answered)));

        Assert.Equal("0", Cell(report, IndicatorCatalogue.CallbacksMade));
        Assert.Equal("0", Cell(report, IndicatorCatalogue.CallbacksReached));
        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksNotMade));
        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksPromised));
    }

    [Fact]
    public void CallbackAttemptInsideTheSafeWindow_AnsweredByAPerson_IsMadeInsideAndReached()
    {
        var report = Report(Promised(Evening, A(EveningAt(0), CallbackOutcome.NoAnswer), A(EveningAt(239), CallbackOutcome.Answered)));

        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksMade));
        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksReached));
        Assert.Equal("0", Cell(report, IndicatorCatalogue.CallbacksNotReached));
        Assert.Equal("0", Cell(report, IndicatorCatalogue.CallbacksNotMade));
    }

    [Fact]
    public void CallbackAttemptsInsideTheSafeWindow_NoPersonAnswered_AreMadeInsideButNotReached()
    {
        var report = Report(
            Promised(Evening, A(EveningAt(10), CallbackOutcome.Machine), A(EveningAt(60), CallbackOutcome.Busy)),
            Promised(Evening, A(EveningAt(20), CallbackOutcome.Failed)),
            Promised(Evening, A(EveningAt(30), null)), // still ringing
            // Reached only outside the window: made inside (the 17:10 try), but not reached inside it.
            Promised(Evening, A(EveningAt(10), CallbackOutcome.NoAnswer), A(EveningAt(300), CallbackOutcome.Answered)));

        Assert.Equal("4", Cell(report, IndicatorCatalogue.CallbacksMade));
        Assert.Equal("0", Cell(report, IndicatorCatalogue.CallbacksReached));
        Assert.Equal("4", Cell(report, IndicatorCatalogue.CallbacksNotReached));
        Assert.Equal("4", Cell(report, IndicatorCatalogue.CallbacksPromised));
    }

    [Fact]
    public void PromisedCallback_NoAttemptYet_IsNotMadeInside()
    {
        var report = Report(Promised(Evening), Promised(Evening, A(EveningAt(5), CallbackOutcome.Answered)));

        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksNotMade));
        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksMade));
        Assert.Equal("2", Cell(report, IndicatorCatalogue.CallbacksPromised));
    }

    [Fact]
    public void CaseNotPromisingACallback_IsNotCountedEvenWithAnAttempt()
    {
        var notPromised = Promised(Evening, A(EveningAt(5), CallbackOutcome.Answered)) with { CallbackPromised = false };

        Assert.Equal("0", Cell(Report(notPromised), IndicatorCatalogue.CallbacksPromised));
    }

    [Fact]
    public void SafeWindowIsTheCallersLocalTime_AttemptJudgedInTheLinesTimeZone()
    {
        // 17:00-21:00 in Chicago (UTC-6 in November): 23:30 UTC is 17:30 there, inside; 17:30 UTC is 11:30 there, outside.
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var window = new CallbackWindow("evening", WeeklyHours.Daily([(new TimeOnly(17, 0), new TimeOnly(21, 0))], chicago));
        var inside = new DateTimeOffset(2026, 11, 3, 23, 30, 0, TimeSpan.Zero);
        var outside = new DateTimeOffset(2026, 11, 3, 17, 30, 0, TimeSpan.Zero);

        var report = Report(
            Promised(window, A(inside, CallbackOutcome.Answered)), Promised(window, A(outside, CallbackOutcome.Answered)));

        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksReached));
        Assert.Equal("1", Cell(report, IndicatorCatalogue.CallbacksNotMade));
    }

    [Fact]
    public void SafeWindowNotOneOfTheLines_AttemptsCannotBeJudgedAndAreNotCountedAsInside()
    {
        Assert.Equal(SafeWindowCallback.NotMadeInside, SafeWindowCallbacks.Judge(null, [new(EveningAt(5), CallbackOutcome.Answered)]));
        Assert.Equal("1", Cell(Report(Promised(null, A(EveningAt(5), CallbackOutcome.Answered))), IndicatorCatalogue.CallbacksNotMade));
    }

    [Fact]
    public void AnyWindowWithoutHours_EveryAttemptIsInside()
    {
        var any = new CallbackWindow(CallbackWindow.DefaultName, null);

        Assert.Equal(SafeWindowCallback.Reached, SafeWindowCallbacks.Judge(any, [new(EveningAt(-600), CallbackOutcome.Answered)]));
    }

    [Fact]
    public void OutboundCallbackCall_IsNotAnOfferedInboundCall()
    {
        var facts = Build();
        // A callback's own call that was put in the queue after its advocate could not be joined: a 10-minute "wait",
        // answered. Counted, it would make 8 offered, 6 answered, a longer ASA and a 600 s longest wait.
        var callback = new QueuedCallFact(T0, T0.AddMinutes(10), T0.AddMinutes(20), Abandoned: false, PlacedByHotline: true);
        var abandonedCallback = new QueuedCallFact(T0, null, T0.AddMinutes(30), Abandoned: true, PlacedByHotline: true);

        var report = IndicatorCalculator.Compute(facts with { Calls = [.. facts.Calls, callback, abandonedCallback] });
        string Cell(string table, string row) => report.Table(table).Rows.Single(r => r.Label == row).Cells[0].Text;

        Assert.Equal("7", Cell("calls", "Offered"));
        Assert.Equal("5", Cell("calls", "Answered"));
        Assert.Equal("1", Cell("calls", "Abandoned"));
        Assert.Equal("71", Cell("service-level", "Answer rate (%)"));
        Assert.Equal("30.0", Cell("service-level", "Average speed of answer (seconds)"));
        Assert.Equal("120.0", Cell("service-level", "Longest wait (seconds)"));
        Assert.Equal("250.0", Cell("service-level", "Average handle time (seconds)"));
    }

    [Fact]
    public void OutboundCallbackCall_IsNotAContactThatCameIn()
    {
        var facts = Build();
        var report = IndicatorCalculator.Compute(facts with
        {
            Contacts = [.. facts.Contacts, new ContactFact(Channel.Voice, ContactType.Crisis, PlacedByHotline: true)],
        });
        string Cell(string table, string row) => report.Table(table).Rows.Single(r => r.Label == row).Cells[0].Text;

        Assert.Equal("3", Cell("contacts-by-channel", "Voice"));
        Assert.Equal("6", Cell("contacts-by-channel", "Total"));
        Assert.Equal("3", Cell("contacts-by-type", "Crisis"));
    }

    [Fact]
    public void Shared_SmallReachedCount_NeitherTheSubtotalNorTheTotalGivesItAway()
    {
        // 3 reached + 10 not reached = 13 made inside; 7 not made; 20 promised. Reached is small; hiding only it would let
        // 13 - 10 (or 20 - 7 - 10) give it away. Hiding "not reached" too is enough: 13 and 20 - 7 then tell only their sum.
        var cases = Enumerable.Range(0, 3).Select(_ => Promised(Evening, A(EveningAt(5), CallbackOutcome.Answered)))
            .Concat(Enumerable.Range(0, 10).Select(_ => Promised(Evening, A(EveningAt(5), CallbackOutcome.NoAnswer))))
            .Concat(Enumerable.Range(0, 7).Select(_ => Promised(Evening)))
            .ToArray();

        var shared = SharedReport.From(Report(cases)).Single(t => t.Id == "callbacks");
        string Shown(string indicator) => shared.Rows.Single(r => r.IndicatorIds[0] == indicator).Cells[0];

        Assert.Equal(SharedReport.Hidden, Shown(IndicatorCatalogue.CallbacksReached));
        Assert.Equal(SharedReport.Hidden, Shown(IndicatorCatalogue.CallbacksNotReached));
        Assert.Equal("13", Shown(IndicatorCatalogue.CallbacksMade));
        Assert.Equal("7", Shown(IndicatorCatalogue.CallbacksNotMade));
        Assert.Equal("20", Shown(IndicatorCatalogue.CallbacksPromised));
    }

    [Fact]
    public void Shared_SmallNotMadeCount_TheSubtotalDoesNotGiveItAway()
    {
        // 6 reached + 8 not reached = 14 made inside; 2 not made; 16 promised. With "not made" hidden, the shown sub-total
        // would give it away (16 - 14), so it goes too, and then one of its parts, lest 14 = 6 + 8 be rebuilt.
        var cases = Enumerable.Range(0, 6).Select(_ => Promised(Evening, A(EveningAt(5), CallbackOutcome.Answered)))
            .Concat(Enumerable.Range(0, 8).Select(_ => Promised(Evening, A(EveningAt(5), CallbackOutcome.NoAnswer))))
            .Concat(Enumerable.Range(0, 2).Select(_ => Promised(Evening)))
            .ToArray();

        var shared = SharedReport.From(Report(cases)).Single(t => t.Id == "callbacks");
        var shown = shared.Rows.ToDictionary(r => r.IndicatorIds[0], r => r.Cells[0]);

        Assert.Equal(SharedReport.Hidden, shown[IndicatorCatalogue.CallbacksNotMade]);
        Assert.Equal(SharedReport.Hidden, shown[IndicatorCatalogue.CallbacksMade]);
        Assert.Equal("16", shown[IndicatorCatalogue.CallbacksPromised]);
        Assert.True(shown[IndicatorCatalogue.CallbacksReached] == SharedReport.Hidden
            || shown[IndicatorCatalogue.CallbacksNotReached] == SharedReport.Hidden);
    }

    [Fact]
    public void Shared_LargeCallbackCounts_AllShown()
    {
        var cases = Enumerable.Range(0, 6).Select(_ => Promised(Evening, A(EveningAt(5), CallbackOutcome.Answered)))
            .Concat(Enumerable.Range(0, 5).Select(_ => Promised(Evening, A(EveningAt(5), CallbackOutcome.NoAnswer))))
            .Concat(Enumerable.Range(0, 8).Select(_ => Promised(Evening)))
            .ToArray();

        var shared = SharedReport.From(Report(cases)).Single(t => t.Id == "callbacks");

        Assert.Equal(["11", "6", "5", "8", "19"], shared.Rows.Select(r => r.Cells[0]));
    }
}
