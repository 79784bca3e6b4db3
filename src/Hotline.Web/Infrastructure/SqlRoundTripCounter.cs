using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Counts EF Core commands (one command = one round trip; a SaveChanges batch is one) per request path.
/// Registered only when Benchmark:CountSqlRoundTrips is true, so production pays nothing for it.
/// </summary>
public sealed class SqlRoundTripCounter : DbCommandInterceptor
{
    private readonly IHttpContextAccessor _http = new HttpContextAccessor();
    private readonly ConcurrentDictionary<string, long> _byPath = new();

    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byPath);

    public void Reset() => _byPath.Clear();

    private void Count() =>
        _byPath.AddOrUpdate(_http.HttpContext?.Request.Path.Value ?? "(no request)", 1, (_, n) => n + 1);

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
