namespace Hotline.Simulator;

/// <summary>How a simulated caller behaves.</summary>
public sealed record CallOptions
{
    public string From { get; init; } = "+15555550123";
    public string To { get; init; } = "+15550100000";
    public string AccountSid { get; init; } = "AC00000000000000000000000000000000";
    /// <summary>Hang up after this many answered prompts (null: follow the call to its end).</summary>
    public int? HangupAfter { get; init; }
    /// <summary>What Twilio reports when the caller leaves the queue: bridged (an advocate answered), hangup or leave.</summary>
    public string QueueResult { get; init; } = "bridged";
    /// <summary>How many times the queue's wait URL is polled before the queue result.</summary>
    public int QueueWaitPolls { get; init; } = 1;
    /// <summary>Send the final status callback (CallStatus=completed) when the call ends.</summary>
    public bool SendStatusCallback { get; init; } = true;
}
