using Hotline.Core.Callbacks;
using Hotline.Core.Flows;
using Hotline.Core.Pathway;
using Hotline.Core.Tests.Pathway;

namespace Hotline.Core.Tests.Callbacks;

/// <summary>
/// The promised callback's rules without I/O (issue #14, 7): the caller's window from the flow's one hours model,
/// and the pathway's retry rule (kept, due again inside the window, or given up when the attempts ran out).
/// </summary>
public class CallbackRuleTests
{
    private static readonly Flow National = FlowLoader.LoadFile(RepositoryFiles.Flow("national.yaml"));
    // Wednesday 25 Nov 2026, 14:00 in Chicago (the national flow's zone).
    private static readonly DateTimeOffset WednesdayAfternoon = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Window_NamedByTheCaller_OpenOnlyInItsHours()
    {
        Assert.True(CallbackWindow.For(National, "afternoon")!.IsOpen(WednesdayAfternoon));
        var morning = CallbackWindow.For(National, "morning")!;
        Assert.False(morning.IsOpen(WednesdayAfternoon));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), morning.FirstOpenAt(WednesdayAfternoon)); // 08:00 CST
    }

    [Fact]
    public void Window_NoneGiven_IsTheFlowsAnyWindow_AndOneNotOfTheFlow_CannotBeJudged()
    {
        Assert.Equal("any", CallbackWindow.For(National, null)!.Name);
        Assert.Null(CallbackWindow.For(National, "weekdays 9-12"));
    }

    [Fact]
    public void RetryRule_National_ThreeAttempts_DueAgainInsideTheWindow_ThenGivenUp()
    {
        var rule = PathwayLoader.LoadFile(RepositoryFiles.Flow("pathway.national.yaml")).CallbackRetries;
        var afternoon = CallbackWindow.For(National, "afternoon")!;
        Assert.Equal(3, rule.MaxAttempts);

        Assert.Equal(CallbackPromise.Kept, rule.After(CallbackOutcome.Answered, 1, afternoon, WednesdayAfternoon).Promise);
        var first = rule.After(CallbackOutcome.NoAnswer, 1, afternoon, WednesdayAfternoon);
        Assert.Equal(WednesdayAfternoon.AddMinutes(30), first.NextAt);
        // Two hours after 16:00 is past the afternoon window: the next try waits for it to open again, Thursday 12:00.
        var second = rule.After(CallbackOutcome.Busy, 2, afternoon, WednesdayAfternoon.AddHours(2));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero), second.NextAt);
        var third = rule.After(CallbackOutcome.Machine, 3, afternoon, WednesdayAfternoon);
        Assert.Equal(CallbackPromise.GaveUp, third.Promise);
        Assert.True(third.Ends);
    }

    [Fact]
    public void FlowLoad_CallbackVoicemailNamingTheHotline_FailsEvenWhereTextsMayNameIt()
    {
        var yaml = File.ReadAllText(RepositoryFiles.Flow("national.yaml"))
            .Replace("texts_may_name_hotline: false", "texts_may_name_hotline: true", StringComparison.Ordinal)
            .Replace("Hello, sorry we missed you.", "Hello, this is the Anti-Trafficking line.", StringComparison.Ordinal);

        var ex = Assert.Throws<FlowValidationException>(() => FlowLoader.Parse(yaml, "national.yaml"));

        Assert.Contains("callback_voicemail", ex.Message);
        Assert.Contains("names the hotline", ex.Message);
    }
}
