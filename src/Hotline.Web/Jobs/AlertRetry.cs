using Hotline.Web.Data;

namespace Hotline.Web.Jobs;

/// <summary>
/// When the promise sweep sends a supervisor alert again after a failed send. The sweep keeps a deadline in-process, so
/// Hangfire's retries never see a text that failed there: instead the alert's notification row (its attempts, when it was
/// first tried) says when the next try is due, on the same back-off as the deadline jobs' own retries. After the last
/// one it is given up on and reported (<see cref="Health.SupervisorAlertsCheck"/>, the case's audit).
/// </summary>
public static class AlertRetry
{
    /// <summary>The delays of ReferralDeadlineJob's and TriageDeadlineJob's [AutomaticRetry], after the first attempt.</summary>
    public static readonly IReadOnlyList<TimeSpan> Delays =
        [.. new[] { 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>The first try and one per delay.</summary>
    public static int MaxAttempts => Delays.Count + 1;

    /// <summary>How far back the sweep looks for an alert still owed (as for crisis alerts).</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(1);

    public const string GaveUpAction = "supervisor.alert.failed";

    /// <summary>True when the sweep should try the alert now: never tried (or its row was never written), or failed and
    /// its next retry time has come.</summary>
    public static bool IsDue(Notification? alert, DateTimeOffset now)
    {
        if (alert is null) return true;
        if (alert.Status == "Sent" || alert.Attempts >= MaxAttempts) return false;
        var waited = Delays.Take(Math.Max(alert.Attempts, 0)).Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        return alert.CreatedAt + waited <= now;
    }

    public static bool GaveUp(Notification alert) => alert.Status != "Sent" && alert.Attempts >= MaxAttempts;
}
