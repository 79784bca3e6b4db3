using System.Linq.Expressions;
using System.Threading.Channels;
using Hangfire;

namespace Hotline.Web.Jobs;

/// <summary>
/// Hands promises made in a webhook (a callback at 8 a.m., the pathway after intake) to Hangfire after the
/// webhook's commit, off the caller's path: the caller never waits for, or hears about, the job store.
/// If this process dies first, the recurring sweeps find the committed promise in the cases table.
/// </summary>
public sealed class PromiseDispatcher(IBackgroundJobClient jobs, ILogger<PromiseDispatcher> log) : BackgroundService
{
    private readonly Channel<Action<IBackgroundJobClient>> _queue =
        Channel.CreateUnbounded<Action<IBackgroundJobClient>>(new() { SingleReader = true });

    public void Enqueue<TJob>(Expression<Func<TJob, Task>> job) => _queue.Writer.TryWrite(c => c.Enqueue(job));

    public void Schedule<TJob>(Expression<Func<TJob, Task>> job, DateTimeOffset at) => _queue.Writer.TryWrite(c => c.Schedule(job, at));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var hand in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                hand(jobs);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not hand a promise to the job store; the recurring sweep will keep it");
            }
        }
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(ct); // drains what was already committed before the node stops
    }
}
