namespace Hotline.Web.Jobs;

/// <summary>
/// How long a referral's delivery belongs to one job before the promise sweep may take it over. The row says
/// who holds it (<see cref="Data.Referral.DeliveryClaimedUntil"/>); a holder that dies simply lets it lapse.
/// </summary>
public static class DeliveryLease
{
    /// <summary>The fast-path job handed over right after the commit normally starts within seconds.</summary>
    public static readonly TimeSpan AfterCommit = TimeSpan.FromMinutes(2);

    /// <summary>Hangfire's own retries come first; the sweep steps in if they stop or are lost.</summary>
    public static readonly TimeSpan AfterFailure = TimeSpan.FromMinutes(10);

    /// <summary>The sweep's own attempt: longer than any channel's time-out.</summary>
    public static readonly TimeSpan SweepAttempt = TimeSpan.FromMinutes(5);
}
