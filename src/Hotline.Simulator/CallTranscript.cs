namespace Hotline.Simulator;

/// <summary>What happened on a simulated call: what the caller heard and what they pressed.</summary>
public sealed class CallTranscript(string callSid)
{
    public string CallSid { get; } = callSid;
    public List<string> Heard { get; } = [];
    /// <summary>Answers sent to gathers, in order ("" for silence).</summary>
    public List<string> Pressed { get; } = [];
    public int Webhooks { get; set; }
    public string? EnqueuedIn { get; set; }
    /// <summary>The conference the caller joined (a taken call), if any.</summary>
    public string? Conference { get; set; }
    public bool Recorded { get; set; }
    public bool HungUp { get; set; }
}
