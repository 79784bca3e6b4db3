using Hotline.Web.Infrastructure;
using Hotline.Web.Public.Chat;
using Npgsql;

namespace Hotline.Web.Live;

/// <summary>
/// Each node's ear on <see cref="ConsoleSignals.Channel"/>: one dedicated, unpooled PostgreSQL connection that
/// LISTENs and waits, handing each payload to <see cref="ConsolePushes"/>. This is how a change committed on
/// node A reaches a browser connected to node B without Redis. When the connection drops it reconnects with
/// backoff, then asks every client to resync (notifications sent meanwhile are lost, by PostgreSQL's design).
/// </summary>
public sealed partial class ConsoleSignalListener(
    HotlineSettings settings, ConsolePushes pushes, ChatPushes chat, ILogger<ConsoleSignalListener> logger)
    : BackgroundService
{
    public const string ApplicationName = "hotline-console-listener";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    /// <summary>The PostgreSQL backend pid of the listening connection, or null while disconnected (for diagnostics and tests).</summary>
    public int? BackendProcessId { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stop) => Task.WhenAll(ListenAsync(stop), pushes.RunAsync(stop));

    private async Task ListenAsync(CancellationToken stop)
    {
        await Task.Yield(); // never hold up the host's start-up
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString());
                connection.Notification += (_, e) => pushes.Accept(e.Payload);
                // Web chat: the same case notifications also reach visitors watching that case (ChatHub).
                connection.Notification += (_, e) => chat.Accept(e.Payload);
                await connection.OpenAsync(stop);
                await using (var listen = new NpgsqlCommand("LISTEN " + ConsoleSignals.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                BackendProcessId = connection.ProcessID;
                retry = FirstRetry;
                LogListening(logger, connection.ProcessID);
                pushes.Resync(); // whatever was notified before this LISTEN (start-up, an outage) was not heard
                chat.Resync();
                while (true) await connection.WaitAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                BackendProcessId = null;
                // The type and SQL state say enough; no payload or connection string is logged.
                LogLost(logger, e.GetType().Name, (e as PostgresException)?.SqlState, retry.TotalMilliseconds);
                try
                {
                    await Task.Delay(retry, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    /// <summary>Unpooled: a LISTENing session must never go back to the pool. Keepalives notice a silently dead link.</summary>
    private string ConnectionString() => new NpgsqlConnectionStringBuilder(settings.ConnectionString)
    {
        Pooling = false, KeepAlive = 30, ApplicationName = ApplicationName,
    }.ConnectionString;

    [LoggerMessage(LogLevel.Information, "Console signals: listening (backend {Pid})")]
    private static partial void LogListening(ILogger logger, int pid);

    [LoggerMessage(LogLevel.Warning, "Console signals: connection lost ({Error} {SqlState}); retrying in {RetryMs} ms")]
    private static partial void LogLost(ILogger logger, string error, string? sqlState, double retryMs);
}
