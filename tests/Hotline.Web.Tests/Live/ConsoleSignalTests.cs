using System.Net;
using Hotline.Web.Live;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hotline.Web.Tests.Live;

/// <summary>Live console updates across two nodes sharing one PostgreSQL database (LISTEN/NOTIFY, no Redis).</summary>
public class ConsoleSignalTests(TwoNodesFixture nodes) : IClassFixture<TwoNodesFixture>
{
    private ConsoleSignals SignalsOf(HotlineApp node) => node.Services.GetRequiredService<ConsoleSignals>();

    [Fact]
    public async Task CaseChangeOnOneNodeReachesClientOfTheOther()
    {
        var (x, y) = (Guid.NewGuid(), Guid.NewGuid());
        await using var watchingX = await LiveClient.SignedInAsync(nodes.NodeB);
        await using var watchingY = await LiveClient.SignedInAsync(nodes.NodeB);
        await watchingX.Connection.InvokeAsync("WatchCase", x);
        await watchingY.Connection.InvokeAsync("WatchCase", y);

        await SignalsOf(nodes.NodeA).CaseChangedAsync(x, CancellationToken.None);

        Assert.True(await LiveClient.EventuallyAsync(() => watchingX.CasesChanged.Contains(x)), "node B's client never heard of case X");
        // The other client works (it hears its own case), and X never reached it.
        await SignalsOf(nodes.NodeA).CaseChangedAsync(y, CancellationToken.None);
        Assert.True(await LiveClient.EventuallyAsync(() => watchingY.CasesChanged.Contains(y)), "node B's second client heard nothing");
        Assert.Equal([y], watchingY.CasesChanged);
        Assert.Equal([x], watchingX.CasesChanged);
    }

    [Fact]
    public async Task CaseChange_ClientWatchingBoard_IsToldTheBoardChanged()
    {
        await using var board = await LiveClient.SignedInAsync(nodes.NodeB);
        await board.Connection.InvokeAsync("WatchBoard");

        await SignalsOf(nodes.NodeA).CaseChangedAsync(Guid.NewGuid(), CancellationToken.None);

        Assert.True(await LiveClient.EventuallyAsync(() => board.BoardChanges > 0), "a case change did not move the board");
        Assert.Empty(board.CasesChanged); // it watches no case
    }

    [Fact]
    public async Task NotifyInRolledBackTransaction_DeliversNothing_CommittedOneArrivesOnCommit()
    {
        var (rolledBack, committed) = (Guid.NewGuid(), Guid.NewGuid());
        await using var client = await LiveClient.SignedInAsync(nodes.NodeB);
        await client.Connection.InvokeAsync("WatchCase", rolledBack);
        await client.Connection.InvokeAsync("WatchCase", committed);
        var database = nodes.NodeA.Services.GetRequiredService<NpgsqlDataSource>();

        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await ConsoleSignals.NotifyAsync(connection, ConsoleSignals.CasePayload(rolledBack), CancellationToken.None);
            await tx.RollbackAsync();
        }
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var tx = await connection.BeginTransactionAsync();
            await ConsoleSignals.NotifyAsync(connection, ConsoleSignals.CasePayload(committed), CancellationToken.None);
            await Task.Delay(600); // more than two push windows: nothing may leave before the commit
            Assert.Empty(client.CasesChanged);
            await tx.CommitAsync();
        }

        // Notifications arrive in commit order, so had the rolled-back one been sent it would be here already.
        Assert.True(await LiveClient.EventuallyAsync(() => client.CasesChanged.Contains(committed)), "the committed signal never came");
        await Task.Delay(ConsolePushes.Window * 2);
        Assert.Equal([committed], client.CasesChanged);
    }

    [Fact]
    public async Task SignalCte_ReadByThePrimaryQuery_DeliversWithTheStatement()
    {
        var caseId = Guid.NewGuid();
        await using var client = await LiveClient.SignedInAsync(nodes.NodeB);
        await client.Connection.InvokeAsync("WatchCase", caseId);
        var database = nodes.NodeA.Services.GetRequiredService<NpgsqlDataSource>();

        // The shape of a hand-written webhook statement: a data-modifying CTE, the signal CTE, a primary query reading both.
        await using var command = database.CreateCommand(
            $"WITH touched AS (SELECT 1 AS n), {ConsoleSignals.SignalCte("$1")} SELECT touched.n FROM touched, signal");
        command.Parameters.Add(new NpgsqlParameter { Value = ConsoleSignals.CasePayload(caseId) });
        await command.ExecuteScalarAsync();

        Assert.True(await LiveClient.EventuallyAsync(() => client.CasesChanged.Contains(caseId)), "the CTE's NOTIFY never arrived");
    }

    [Fact]
    public async Task Burst_OfChangesToOneCase_IsCoalescedIntoAFewPushes()
    {
        var caseId = Guid.NewGuid();
        await using var client = await LiveClient.SignedInAsync(nodes.NodeB);
        await client.Connection.InvokeAsync("WatchCase", caseId);
        var signals = SignalsOf(nodes.NodeA);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long lastArrivalTicks = 0;
        client.Connection.On<Guid>("caseChanged", _ => Interlocked.Exchange(ref lastArrivalTicks, clock.Elapsed.Ticks));

        for (var i = 0; i < 200; i++) await signals.CaseChangedAsync(caseId, CancellationToken.None);
        await Task.Delay(ConsolePushes.Window * 4);

        // Pushes leave at least one window apart, the first after the burst began, each before it arrives: so between the
        // start and the last arrival there is room for at most one push per window, plus the first (and one more for the
        // push counted whose arrival time is not yet written). Measured to the last arrival, not to the end of sending: on
        // a loaded machine node B may hear the burst spread wider than it was sent.
        var pushes = client.CasesChanged.Count;
        var span = TimeSpan.FromTicks(Interlocked.Read(ref lastArrivalTicks));
        var allowed = (int)(span / ConsolePushes.Window) + 2;
        Assert.InRange(pushes, 1, Math.Min(allowed, 199));
    }

    [Fact]
    public async Task Hub_AnonymousConnection_IsRefused()
    {
        await using var anonymous = LiveClient.Anonymous(nodes.NodeB);

        await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.Connection.StartAsync());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = TwoNodesFixture.BaseUrl(nodes.NodeB),
        };
        var negotiate = await http.PostAsync(ConsoleHub.Path + "/negotiate?negotiateVersion=1", null);
        Assert.Contains(negotiate.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found });
    }

    [Fact]
    public async Task Listener_ConnectionKilled_ReconnectsAsksClientsToResyncAndDeliversTheNextChange()
    {
        var caseId = Guid.NewGuid();
        var oldPid = await TwoNodesFixture.ListeningAsync(nodes.NodeB);
        await using var client = await LiveClient.SignedInAsync(nodes.NodeB);
        await client.Connection.InvokeAsync("WatchCase", caseId);
        var resyncsBefore = client.Resyncs;

        await TestPostgres.ExecuteAsync($"SELECT pg_terminate_backend({oldPid})", nodes.ConnectionString);
        var newPid = await TwoNodesFixture.ListeningAsync(nodes.NodeB, notPid: oldPid);
        await SignalsOf(nodes.NodeA).CaseChangedAsync(caseId, CancellationToken.None);

        Assert.NotEqual(oldPid, newPid);
        Assert.True(await LiveClient.EventuallyAsync(() => client.CasesChanged.Contains(caseId)), "nothing arrived after the reconnect");
        // The listener publishes its new pid a moment before it asks for the resync, so the change may overtake it.
        Assert.True(
            await LiveClient.EventuallyAsync(() => client.Resyncs > resyncsBefore), "clients were not asked to resync after the outage");
    }
}
