namespace Hotline.Simulator;

/// <summary>The service answered something Twilio could not use: a non-200/204 status or TwiML that does not parse.</summary>
public sealed class SimulationException(string message, int status = 0) : Exception(message)
{
    /// <summary>The HTTP status, or 0 when there was none (connection error, bad TwiML).</summary>
    public int Status { get; } = status;
}
