namespace Hotline.Core.Callbacks;

/// <summary>How one attempt to call a caller back ended.</summary>
public enum CallbackOutcome
{
    /// <summary>A person answered and was joined with the advocate: the promise is kept.</summary>
    Answered,
    NoAnswer,
    /// <summary>An answering machine (or fax) took the call: hung up, or the flow's neutral message left where allowed.</summary>
    Machine,
    Busy,
    /// <summary>Twilio could not place the call, or the advocate could not be joined.</summary>
    Failed,
}
