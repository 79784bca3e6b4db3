using System.Collections.Concurrent;
using System.Net;
using Hotline.Web.Live;
using Hotline.Web.Tests.Console;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hotline.Web.Tests.Live;

/// <summary>A SignalR client of one node's <see cref="ConsoleHub"/> over real WebSockets, recording what it is told.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    public HubConnection Connection { get; }
    public ConcurrentQueue<Guid> CasesChanged { get; } = new();
    public int BoardChanges => _boardChanges;
    public int Resyncs => _resyncs;
    private int _boardChanges;
    private int _resyncs;

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<Guid>("caseChanged", id => CasesChanged.Enqueue(id));
        connection.On("boardChanged", () => Interlocked.Increment(ref _boardChanges));
        connection.On("resync", () => Interlocked.Increment(ref _resyncs));
    }

    /// <summary>Signs in through the real form and opens a hub connection with that cookie.</summary>
    public static async Task<LiveClient> SignedInAsync(HotlineApp node)
    {
        var baseUrl = TwoNodesFixture.BaseUrl(node);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseUrl,
        };
        await ConsoleClient.SignInAsync(http, node.Services, HotlineApp.AdminEmail, HotlineApp.AdminPassword);
        var client = Build(baseUrl, cookies);
        await client.Connection.StartAsync();
        return client;
    }

    /// <summary>Not started: the caller decides whether starting should fail.</summary>
    public static LiveClient Anonymous(HotlineApp node) => Build(TwoNodesFixture.BaseUrl(node), new CookieContainer());

    private static LiveClient Build(Uri baseUrl, CookieContainer cookies) => new(new HubConnectionBuilder()
        .WithUrl(new Uri(baseUrl, ConsoleHub.Path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.Cookies = cookies;
        })
        .Build());

    /// <summary>Polls until <paramref name="done"/> holds or 20 s pass (CI's 2-core machine is loaded; success returns at once).</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> done, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(20);
        return done();
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
