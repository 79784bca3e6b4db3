using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace Hotline.Web.Live;

/// <summary>
/// Turns notifications into SignalR pushes to this node's clients, coalesced: a burst (200 texts a second)
/// becomes at most one push per group per <see cref="Window"/>, because each push makes every watching browser
/// re-fetch a page part. The first change after a quiet spell is pushed at once; later ones wait out the window.
/// </summary>
public sealed partial class ConsolePushes(IHubContext<ConsoleHub> hub, ILogger<ConsolePushes> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private readonly Channel<bool> _wake =
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private HashSet<Guid> _cases = [];
    private bool _board;
    private bool _resync;

    /// <summary>A payload from <see cref="ConsoleSignals.Channel"/>; anything that is not ours is ignored.</summary>
    public void Accept(string payload)
    {
        if (payload == ConsoleSignals.BoardPayload)
        {
            lock (_gate) _board = true;
        }
        else if (payload.StartsWith("case:", StringComparison.Ordinal) && Guid.TryParseExact(payload.AsSpan(5), "D", out var caseId))
        {
            // Every case change also moves the board: it lists waiting conversations.
            lock (_gate)
            {
                _cases.Add(caseId);
                _board = true;
            }
        }
        else
        {
            LogIgnored(logger, payload.Length);
            return;
        }
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Notifications may have been missed (the listener was disconnected): every client refreshes what it shows.</summary>
    public void Resync()
    {
        lock (_gate) _resync = true;
        _wake.Writer.TryWrite(true);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stop))
            {
                _wake.Reader.TryRead(out _);
                await PushAsync(stop);
                // Real time, not the app's TimeProvider: this paces browsers, it is not a business deadline.
                await Task.Delay(Window, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task PushAsync(CancellationToken stop)
    {
        HashSet<Guid> cases;
        bool board, resync;
        lock (_gate)
        {
            (cases, board, resync) = (_cases, _board, _resync);
            (_cases, _board, _resync) = ([], false, false);
        }
        try
        {
            if (resync) await hub.Clients.All.SendAsync("resync", stop);
            foreach (var caseId in cases) await hub.Clients.Group(ConsoleHub.CaseGroup(caseId)).SendAsync("caseChanged", caseId, stop);
            if (board) await hub.Clients.Group(ConsoleHub.BoardGroup).SendAsync("boardChanged", stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPushFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Console signal ignored: not a known payload ({Length} characters)")]
    private static partial void LogIgnored(ILogger logger, int length);

    [LoggerMessage(LogLevel.Warning, "Console push failed ({Error}); clients fall back to polling")]
    private static partial void LogPushFailed(ILogger logger, string error);
}
