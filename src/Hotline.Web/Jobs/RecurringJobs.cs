using Hangfire;

namespace Hotline.Web.Jobs;

/// <summary>Registers the recurring jobs (idempotent: every node may do it at start-up).</summary>
public sealed class RecurringJobs(IRecurringJobManager recurring) : Infrastructure.IStartupSeeder
{
    public Task SeedAsync(CancellationToken ct)
    {
        // One sweep keeps every promise whose job is missing; it replaced a callback sweep and a pathway sweep.
        recurring.AddOrUpdate<PromiseSweepJob>(PromiseSweepJob.Id, j => j.RunAsync(), Cron.Minutely());
        recurring.RemoveIfExists("callback-sweep");
        recurring.RemoveIfExists("pathway-sweep");
        recurring.AddOrUpdate<SmsExpiryJob>(SmsExpiryJob.Id, j => j.RunAsync(), "*/5 * * * *");
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.Id, j => j.RunAsync(), Cron.Daily(3));
        recurring.AddOrUpdate<QueueReconcileJob>(QueueReconcileJob.Id, j => j.RunAsync(), Cron.Minutely());
        return Task.CompletedTask;
    }
}
