using Hotline.Core.Cases;
using S = Hotline.Core.Cases.CaseStatus;
using T = Hotline.Core.Cases.CaseTrigger;

namespace Hotline.Core.Tests.Cases;

public class CaseMachineTests
{
    public static TheoryData<S, T, S> ValidTransitions() => new()
    {
        { S.Intake, T.IntakeCompleted, S.AwaitingTriage },
        { S.Intake, T.CallerHungUp, S.AwaitingTriage },
        { S.AwaitingTriage, T.OperatorTook, S.InProgress },
        { S.InProgress, T.ReferralSent, S.Referred },
        { S.InProgress, T.FollowUpScheduled, S.FollowUp },
        { S.Referred, T.FollowUpScheduled, S.FollowUp },
        { S.FollowUp, T.ReferralSent, S.Referred },
        { S.Closed, T.Reopen, S.InProgress },
    };

    [Theory]
    [MemberData(nameof(ValidTransitions))]
    public void Apply_ValidTransition_MovesToNewStatus(S from, T trigger, S to)
    {
        var result = CaseMachine.Apply(from, trigger);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(to, result.To);
    }

    [Theory]
    [InlineData(S.AwaitingTriage)]
    [InlineData(S.InProgress)]
    [InlineData(S.Referred)]
    [InlineData(S.FollowUp)]
    public void Apply_CloseOpenCaseWithOutcome_ClosedWithOutcome(S from)
    {
        var result = CaseMachine.Apply(from, T.Close, CaseOutcome.LostContact);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(S.Closed, result.To);
        Assert.Equal(CaseOutcome.LostContact, result.Outcome);
    }

    [Fact]
    public void Apply_CloseWithoutOutcome_Refused()
    {
        var result = CaseMachine.Apply(S.InProgress, T.Close);

        Assert.False(result.Succeeded);
        Assert.Equal(S.InProgress, result.To);
        Assert.Equal("A case cannot be closed without an outcome", result.Error);
    }

    [Fact]
    public void Apply_CloseDuringIntake_ClearMessage()
    {
        var result = CaseMachine.Apply(S.Intake, T.Close, CaseOutcome.Other);

        Assert.False(result.Succeeded);
        Assert.Equal(S.Intake, result.To);
        Assert.Equal("A case in intake cannot be closed; wait until the caller's intake ends", result.Error);
    }

    [Theory]
    [InlineData(S.AwaitingTriage, T.ReferralSent, "an operator must take it first")]
    [InlineData(S.Closed, T.ReferralSent, "reopen it first")]
    [InlineData(S.InProgress, T.Reopen, "Only a closed case can be reopened")]
    [InlineData(S.Intake, T.OperatorTook, "wait until the caller's intake ends")]
    public void Apply_InvalidChange_RefusedWithMessage(S from, T trigger, string expected)
    {
        var result = CaseMachine.Apply(from, trigger, CaseOutcome.Other);

        Assert.False(result.Succeeded);
        Assert.False(result.Changed);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(S.AwaitingTriage)]
    [InlineData(S.Referred)]
    [InlineData(S.Closed)]
    public void Apply_LateHangUpAfterIntake_NoOp(S from)
    {
        var result = CaseMachine.Apply(from, T.CallerHungUp);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.Changed);
    }

    [Fact]
    public void Apply_SecondReferral_StaysReferred()
    {
        var result = CaseMachine.Apply(S.Referred, T.ReferralSent);

        Assert.True(result.Succeeded);
        Assert.Equal(S.Referred, result.To);
    }

    [Fact]
    public void AllowedTriggers_Intake_NoClose()
    {
        Assert.Equal([T.IntakeCompleted, T.CallerHungUp], CaseMachine.AllowedTriggers(S.Intake).Order());
    }

    [Fact]
    public void AllowedTriggers_Referred_ReferFollowUpOrClose()
    {
        Assert.Equal([T.ReferralSent, T.FollowUpScheduled, T.Close], CaseMachine.AllowedTriggers(S.Referred).Order());
    }

    [Fact]
    public void AllowedTriggers_Closed_ReopenOnly()
    {
        Assert.Equal([T.Reopen], CaseMachine.AllowedTriggers(S.Closed));
    }

    [Fact]
    public void ToMermaid_Graph_NamesStates()
    {
        var graph = CaseMachine.ToMermaid();

        Assert.Contains("AwaitingTriage", graph, StringComparison.Ordinal);
        Assert.Contains("Reopen", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed --> Closed", graph, StringComparison.Ordinal);
    }
}
