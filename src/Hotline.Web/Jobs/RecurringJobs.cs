using Hangfire;

namespace Hotline.Web.Jobs;

/// <summary>Registers the recurring jobs (idempotent: every node may do it at start-up).</summary>
public sealed class RecurringJobs(IRecurringJobManager recurring) : Infrastructure.IStartupSeeder
{
    public Task SeedAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<CallbackSweepJob>(CallbackSweepJob.Id, j => j.RunAsync(), Cron.Minutely());
        recurring.AddOrUpdate<SmsExpiryJob>(SmsExpiryJob.Id, j => j.RunAsync(), "*/5 * * * *");
        recurring.AddOrUpdate<PathwaySweepJob>(PathwaySweepJob.Id, j => j.RunAsync(), Cron.Minutely());
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.Id, j => j.RunAsync(), Cron.Daily(3));
        recurring.AddOrUpdate<QueueReconcileJob>(QueueReconcileJob.Id, j => j.RunAsync(), Cron.Minutely());
        return Task.CompletedTask;
    }
}
