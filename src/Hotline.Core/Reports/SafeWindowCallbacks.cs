using Hotline.Core.Callbacks;

namespace Hotline.Core.Reports;

/// <summary>Which <see cref="SafeWindowCallback"/> a promised callback is.</summary>
public static class SafeWindowCallbacks
{
    /// <summary>
    /// Judges a promised callback by its attempts, with the one hours model (<see cref="CallbackWindow.IsOpen"/>): a window
    /// the line does not know cannot be judged, so none of its attempts counts as inside.
    /// </summary>
    public static SafeWindowCallback Judge(CallbackWindow? window, IEnumerable<CallbackAttemptFact> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        if (window is null) return SafeWindowCallback.NotMadeInside;
        var inside = attempts.Where(a => window.IsOpen(a.PlacedAt)).ToList();
        if (inside.Count == 0) return SafeWindowCallback.NotMadeInside;
        return inside.Any(a => a.Outcome == CallbackOutcome.Answered)
            ? SafeWindowCallback.Reached
            : SafeWindowCallback.MadeInsideNotReached;
    }
}
