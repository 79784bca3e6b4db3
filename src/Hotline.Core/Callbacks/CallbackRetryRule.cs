namespace Hotline.Core.Callbacks;

/// <summary>
/// The pathway's rule for a promised callback (pathway file, 'callback_retries'): after an attempt that did not reach
/// the caller, the next one waits the given time (and for the caller's window); when the list is used up, the promise
/// ends and a supervisor is told. A person reached keeps the promise at once.
/// </summary>
public sealed record CallbackRetryRule(IReadOnlyList<TimeSpan> Waits)
{
    /// <summary>Used when a pathway names none: two more tries, half an hour and two hours later.</summary>
    public static readonly CallbackRetryRule Default = new([TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)]);

    public int MaxAttempts => Waits.Count + 1;

    /// <summary>What becomes of the promise after attempt number <paramref name="attempt"/> (1-based) ended so.</summary>
    public CallbackDecision After(CallbackOutcome outcome, int attempt, CallbackWindow window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (outcome == CallbackOutcome.Answered) return CallbackDecision.Kept();
        if (attempt >= MaxAttempts) return CallbackDecision.GaveUp(attempt);
        var next = window.FirstOpenAt(now + Waits[Math.Max(attempt, 1) - 1]);
        return next is { } at ? CallbackDecision.Retry(at) : CallbackDecision.GaveUp(attempt);
    }
}

public enum CallbackPromise { Kept, Rescheduled, GaveUp }

/// <summary>The promise after an attempt: kept, due again at <see cref="NextAt"/>, or given up after all attempts.</summary>
public sealed record CallbackDecision(CallbackPromise Promise, DateTimeOffset? NextAt, int Attempts)
{
    public static CallbackDecision Kept() => new(CallbackPromise.Kept, null, 0);
    public static CallbackDecision Retry(DateTimeOffset at) => new(CallbackPromise.Rescheduled, at, 0);
    public static CallbackDecision GaveUp(int attempts) => new(CallbackPromise.GaveUp, null, attempts);

    /// <summary>Whether the promise is over (the board's "Callbacks due" clears).</summary>
    public bool Ends => Promise != CallbackPromise.Rescheduled;
}
