using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Jobs;

/// <summary>
/// Keeps one promise for the sweep, in a DI scope of its own (a failed promise leaves no half-tracked entities
/// behind for the next one). A failure is logged and left due: the next sweep tries again.
/// </summary>
public sealed class PromiseKeeper(IServiceScopeFactory scopes, HotlineDbContext db, ILogger<PromiseKeeper> log)
{
    /// <summary>Claims the delivery on the row first, so a fast-path job or another sweep that got there keeps it alone.</summary>
    public async Task DeliverAsync(Guid referralId, int round, DateTimeOffset now)
    {
        var claimed = await db.Referrals
            .Where(r => r.Id == referralId && (r.DeliveryClaimedUntil == null || r.DeliveryClaimedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.DeliveryClaimedUntil, now + DeliveryLease.SweepAttempt));
        if (claimed == 0) return;
        await KeepAsync<ReferralDeliveryJob>("referral delivery", referralId, j => j.RunAsync(referralId, round));
    }

    public async Task KeepAsync<TJob>(string promise, Guid id, Func<TJob, Task> work) where TJob : notnull
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider.GetRequiredService<TJob>());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Ids only: the reason (an agency's error, Twilio's refusal) is on the row or in the job's own log.
            log.LogWarning(e, "Promise sweep: the {Promise} of {Id} was not kept this time; it stays due", promise, id);
        }
    }
}
