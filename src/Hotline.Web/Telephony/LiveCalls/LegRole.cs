namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>Who a leg of a live call is: also the participant label Twilio reports back.</summary>
public enum LegRole
{
    Caller,
    Advocate,
    Interpreter,
    /// <summary>An agency from the directory, or a typed number (warm transfer or conferencing in).</summary>
    Outside,
    Supervisor,
}

/// <summary>Where a leg is. Only moves forward: Calling, Joined, then Left (or Failed before it joined).</summary>
public enum LegState
{
    Calling,
    Joined,
    Left,
    Failed,
}
