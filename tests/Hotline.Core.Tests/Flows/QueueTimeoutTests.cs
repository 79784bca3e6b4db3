using Hotline.Core.Flows;

namespace Hotline.Core.Tests.Flows;

/// <summary>The queue's time-out: after it, a queued call whose end was never heard counts as abandoned.</summary>
public class QueueTimeoutTests
{
    private const string Queue = "queue: { name: q, offer_callback_after_seconds: 60, max_queue_size: 5 }";

    private static string WithQueue(string queue)
    {
        Assert.Contains(Queue, FlowValidationTests.Valid);
        return FlowValidationTests.Valid.Replace(Queue, queue);
    }

    [Fact]
    public void Parse_QueueWithoutTimeout_DefaultsToThirtyMinutes()
    {
        var flow = FlowLoader.Parse(FlowValidationTests.Valid, "test.yaml");

        Assert.Equal(30, flow.Queue.TimeoutMinutes);
    }

    [Fact]
    public void Parse_QueueTimeoutGiven_IsUsed()
    {
        var flow =
            FlowLoader.Parse(WithQueue("queue: { name: q, offer_callback_after_seconds: 60, max_queue_size: 5, timeout_minutes: 45 }"),
                "test.yaml");

        Assert.Equal(45, flow.Queue.TimeoutMinutes);
    }

    [Fact]
    public void Parse_QueueTimeoutZero_Fails()
    {
        var ex = Assert.Throws<FlowValidationException>(() =>
            FlowLoader.Parse(WithQueue("queue: { name: q, offer_callback_after_seconds: 60, max_queue_size: 5, timeout_minutes: 0 }"),
                "test.yaml"));

        Assert.Contains(ex.Errors, e => e.Reason.Contains("'timeout_minutes' must be a whole number of at least 1"));
    }
}
