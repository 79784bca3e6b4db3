using Hotline.Core.Referrals;
using S = Hotline.Core.Referrals.ReferralStatus;
using T = Hotline.Core.Referrals.ReferralTrigger;

namespace Hotline.Core.Tests.Referrals;

public class ReferralMachineTests
{
    /// <summary>Every transition that changes the status; anything not here either is ignored or refused.</summary>
    public static TheoryData<S, T, S> ValidTransitions() => new()
    {
        { S.Pending, T.Dispatch, S.Sent },
        { S.Pending, T.DeliveryFailed, S.Failed },
        { S.Sent, T.DeliveryConfirmed, S.Delivered },
        { S.Sent, T.DeliveryFailed, S.Failed },
        { S.Sent, T.Acknowledge, S.Acknowledged },
        { S.Sent, T.DeadlinePassed, S.Expired },
        { S.Delivered, T.Acknowledge, S.Acknowledged },
        { S.Delivered, T.DeadlinePassed, S.Expired },
        { S.Failed, T.Retry, S.Sent },
        { S.Failed, T.DeadlinePassed, S.Expired },
        { S.Acknowledged, T.Accept, S.Accepted },
        { S.Acknowledged, T.Decline, S.Declined },
        { S.Accepted, T.Close, S.Closed },
        { S.Declined, T.Close, S.Closed },
        { S.Expired, T.Close, S.Closed },
        { S.Pending, T.HandOverByPhone, S.HandedOverByPhone },
        { S.HandedOverByPhone, T.Close, S.Closed },
    };

    /// <summary>Repeats and late arrivals that must succeed without changing anything.</summary>
    public static TheoryData<S, T> NoOps() => new()
    {
        { S.Acknowledged, T.Acknowledge },
        { S.Accepted, T.Acknowledge },
        { S.Declined, T.Acknowledge },
        { S.Delivered, T.DeliveryConfirmed },
        { S.Acknowledged, T.DeliveryConfirmed },
        { S.Acknowledged, T.DeadlinePassed },
        { S.Accepted, T.DeliveryConfirmed },
        { S.Accepted, T.DeadlinePassed },
        { S.Declined, T.DeliveryConfirmed },
        { S.Declined, T.DeadlinePassed },
        { S.Expired, T.DeliveryConfirmed },
        { S.Accepted, T.Accept },
        { S.Declined, T.Decline },
        { S.Failed, T.DeliveryFailed },
        { S.Expired, T.DeadlinePassed },
        { S.Closed, T.Close },
        { S.HandedOverByPhone, T.HandOverByPhone },
    };

    [Theory]
    [MemberData(nameof(ValidTransitions))]
    public void Apply_ValidTransition_MovesToNewStatus(S from, T trigger, S to)
    {
        var result = ReferralMachine.Apply(from, trigger);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Changed);
        Assert.Equal(to, result.To);
    }

    [Theory]
    [MemberData(nameof(NoOps))]
    public void Apply_RepeatOrLateArrival_SucceedsWithoutChange(S from, T trigger)
    {
        var result = ReferralMachine.Apply(from, trigger);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.Changed);
        Assert.Equal(from, result.To);
    }

    [Fact]
    public void Apply_EveryOtherPair_RefusedWithMessage()
    {
        var valid = ValidTransitions().Select(row => ((S)row[0], (T)row[1])).ToHashSet();
        var noOps = NoOps().Select(row => ((S)row[0], (T)row[1])).ToHashSet();

        foreach (var status in Enum.GetValues<S>())
        {
            foreach (var trigger in Enum.GetValues<T>())
            {
                var result = ReferralMachine.Apply(status, trigger);
                var expectedToSucceed = valid.Contains((status, trigger)) || noOps.Contains((status, trigger));
                Assert.True(expectedToSucceed == result.Succeeded, $"{status} + {trigger}: {result.Error}");
                if (!result.Succeeded)
                {
                    Assert.Equal(status, result.To);
                    Assert.False(string.IsNullOrWhiteSpace(result.Error));
                }
            }
        }
    }

    [Fact]
    public void Apply_AcceptDeclined_ClearMessage()
    {
        var result = ReferralMachine.Apply(S.Declined, T.Accept);

        Assert.False(result.Succeeded);
        Assert.Equal("A declined referral cannot be accepted", result.Error);
    }

    [Fact]
    public void Apply_AcknowledgeExpired_ExplainsEscalation()
    {
        var result = ReferralMachine.Apply(S.Expired, T.Acknowledge);

        Assert.False(result.Succeeded);
        Assert.Contains("expired and was escalated", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AcceptBeforeAcknowledge_AsksForAcknowledgement()
    {
        Assert.Equal("A delivered referral must be acknowledged before it is accepted", ReferralMachine.Apply(S.Delivered, T.Accept).Error);
    }

    [Fact]
    public void Create_ExternalState_MutatorReceivesNewStatus()
    {
        var stored = S.Pending;
        var machine = ReferralMachine.Create(() => stored, s => stored = s);

        machine.Fire(T.Dispatch);

        Assert.Equal(S.Sent, stored);
    }

    [Fact]
    public void AllowedTriggers_Acknowledged_AcceptOrDeclineOnly()
    {
        Assert.Equal([T.Accept, T.Decline], ReferralMachine.AllowedTriggers(S.Acknowledged).Order());
    }

    [Fact]
    public void ToMermaid_Graph_NamesStatesAndTriggers()
    {
        var graph = ReferralMachine.ToMermaid();

        Assert.Contains("stateDiagram", graph, StringComparison.Ordinal);
        Assert.Contains("Acknowledged", graph, StringComparison.Ordinal);
        Assert.Contains("DeadlinePassed", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Accepted --> Accepted", graph, StringComparison.Ordinal);
    }
}
