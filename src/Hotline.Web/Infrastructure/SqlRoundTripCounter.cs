using System.Collections.Concurrent;
using System.Diagnostics;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Counts SQL round trips per request path through Npgsql's ActivitySource: every command or batch of the
/// process, whoever sends it (the hand-written webhook statements, EF Core, Hangfire's job storage). Registered
/// only when Benchmark:CountSqlRoundTrips is true, so production pays nothing for it.
/// </summary>
public sealed class SqlRoundTripCounter : IDisposable
{
    private readonly IHttpContextAccessor _http = new HttpContextAccessor();
    private readonly ConcurrentDictionary<string, long> _byPath = new();
    private readonly ActivityListener _npgsql;

    public SqlRoundTripCounter()
    {
        _npgsql = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Only commands: Npgsql also traces physical connection opens, which carry no statement.
            // On stop: Npgsql tags the statement after the activity starts.
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.query.text") is not null || activity.GetTagItem("db.statement") is not null)
                    _byPath.AddOrUpdate(_http.HttpContext?.Request.Path.Value ?? "(no request)", 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    /// <summary>Round trips by request path.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byPath);

    public void Reset() => _byPath.Clear();

    public void Dispose() => _npgsql.Dispose();
}
