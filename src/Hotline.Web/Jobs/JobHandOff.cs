namespace Hotline.Web.Jobs;

/// <summary>
/// Hands a committed promise to Hangfire as a fast path. Never throws: the committed row is the promise and
/// <see cref="PromiseSweepJob"/> keeps it if the job store refused it; failing the request that made the promise
/// would only tell its maker (an operator, a caller's webhook) that something they did was lost, which it was not.
/// </summary>
public static class JobHandOff
{
    public static void Try(ILogger log, string promise, Guid id, Action handOver)
    {
        try
        {
            handOver();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning(e, "Could not hand the {Promise} of {Id} to the job store; the promise sweep will keep it", promise, id);
        }
    }
}
