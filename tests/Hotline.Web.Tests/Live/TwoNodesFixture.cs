using Hotline.Web.Live;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Live;

/// <summary>Two service nodes on one PostgreSQL database, as in production behind a load balancer (no Redis).</summary>
public sealed class TwoNodesFixture : IAsyncLifetime
{
    public TwilioApiMock Twilio { get; } = new();
    public HotlineApp NodeA { get; private set; } = null!;
    public HotlineApp NodeB { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        NodeA = new HotlineApp(ConnectionString, Twilio);
        NodeB = new HotlineApp(ConnectionString, Twilio);
        // Real Kestrel ports: the clients speak real WebSockets, as a browser would.
        foreach (var node in new[] { NodeA, NodeB })
        {
            node.UseKestrel(0);
            node.StartServer();
        }
        await ListeningAsync(NodeA);
        await ListeningAsync(NodeB);
    }

    public static Uri BaseUrl(HotlineApp node) => new(node.Services.GetRequiredService<IServer>().Features
        .Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));

    public static ConsoleSignalListener Listener(HotlineApp node) => node.Services.GetRequiredService<ConsoleSignalListener>();

    /// <summary>Waits until the node's listener LISTENs on a connection other than <paramref name="notPid"/>; returns its pid.</summary>
    public static async Task<int> ListeningAsync(HotlineApp node, int? notPid = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30); // CI's machine is loaded; a reconnect is normally under a second
        while (DateTime.UtcNow < deadline)
        {
            var pid = Listener(node).BackendProcessId;
            if (pid is not null && pid != notPid) return pid.Value;
            await Task.Delay(50);
        }
        throw new TimeoutException("the console signal listener did not (re)connect within 30 s");
    }

    public async Task DisposeAsync()
    {
        await NodeA.DisposeAsync();
        await NodeB.DisposeAsync();
        Twilio.Dispose();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
