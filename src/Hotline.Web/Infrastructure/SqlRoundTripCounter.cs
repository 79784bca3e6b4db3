using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Counts SQL round trips per request path: EF Core commands through this interceptor (one command = one
/// round trip; a SaveChanges batch is one), and every Npgsql command of the process, Hangfire's included,
/// through Npgsql's ActivitySource. Registered only when Benchmark:CountSqlRoundTrips is true, so
/// production pays nothing for it.
/// </summary>
public sealed class SqlRoundTripCounter : DbCommandInterceptor, IDisposable
{
    private readonly IHttpContextAccessor _http = new HttpContextAccessor();
    private readonly ConcurrentDictionary<string, long> _byPath = new();
    private readonly ConcurrentDictionary<string, long> _allByPath = new();
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
                if (activity.GetTagItem("db.query.text") is not null || activity.GetTagItem("db.statement") is not null) Count(_allByPath);
            },
        };
        ActivitySource.AddActivityListener(_npgsql);
    }

    /// <summary>EF Core commands by path.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byPath);

    /// <summary>All Npgsql commands by path (EF Core's plus Hangfire's job storage).</summary>
    public IReadOnlyDictionary<string, long> SnapshotAll() => new Dictionary<string, long>(_allByPath);

    public void Reset()
    {
        _byPath.Clear();
        _allByPath.Clear();
    }

    public void Dispose() => _npgsql.Dispose();

    private void Count() => Count(_byPath);

    private void Count(ConcurrentDictionary<string, long> counts) =>
        counts.AddOrUpdate(_http.HttpContext?.Request.Path.Value ?? "(no request)", 1, (_, n) => n + 1);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
