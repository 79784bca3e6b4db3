using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// The app's job client, with a switch that makes every hand-off to Hangfire fail: what a node dying (or the job
/// store refusing) right after a commit looks like to the code that made the promise.
/// </summary>
public sealed class HandOffSeam(IBackgroundJobClient inner) : IBackgroundJobClient
{
    public bool Failing { get; set; }

    public string Create(Job job, IState state) =>
        Failing ? throw new HandOffFailedException($"{job.Type.Name}.{job.Method.Name} was never handed to Hangfire")
            : inner.Create(job, state);

    public bool ChangeState(string jobId, IState state, string expectedState) =>
        Failing ? throw new HandOffFailedException($"job {jobId} was never moved to {state.Name}")
            : inner.ChangeState(jobId, state, expectedState);
}

public sealed class HandOffFailedException(string message) : Exception(message);
