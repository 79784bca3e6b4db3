using System.Threading.Channels;
using Hotline.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// Forwards the console's case notifications (<see cref="ConsoleSignals"/>, heard by each node's
/// <see cref="ConsoleSignalListener"/>) to chat visitors watching that case: <c>changed()</c> to group
/// <c>case:{id}</c> of <see cref="ChatHub"/>. A listener reconnect (notifications may have been missed) tells every
/// visitor to fetch. Pushes are sent in order from one loop, off the listener's thread.
/// </summary>
public sealed partial class ChatPushes(IHubContext<ChatHub> hub, ILogger<ChatPushes> logger) : BackgroundService
{
    private readonly Channel<Guid?> _queue =
        Channel.CreateBounded<Guid?>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>A payload from the console channel; only <c>case:{guid}</c> concerns a visitor.</summary>
    public void Accept(string payload)
    {
        if (payload.StartsWith("case:", StringComparison.Ordinal) && Guid.TryParseExact(payload.AsSpan(5), "D", out var caseId))
        {
            _queue.Writer.TryWrite(caseId);
        }
    }

    /// <summary>Notifications may have been missed: every connected visitor fetches once.</summary>
    public void Resync() => _queue.Writer.TryWrite(null);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var caseId in _queue.Reader.ReadAllAsync(stop))
            {
                try
                {
                    var clients = caseId is { } id ? hub.Clients.Group(ChatHub.CaseGroup(id)) : hub.Clients.All;
                    await clients.SendAsync("changed", stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPushFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // shutting down
        }
    }

    [LoggerMessage(LogLevel.Warning, "Chat push failed ({Error}); visitors fall back to polling")]
    private static partial void LogPushFailed(ILogger logger, string error);
}
