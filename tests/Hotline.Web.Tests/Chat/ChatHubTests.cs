using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Hotline.Web.Public.Chat;
using Hotline.Web.Tests.Console;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Chat;

/// <summary>The visitor's hub over a real WebSocket: a case's notification reaches that case's visitor only.</summary>
public class ChatHubTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task<(ChatVisitor Visitor, Guid CaseId)> VisitorWithConversationAsync()
    {
        var visitor = await ChatVisitor.StartAsync(new HttpClient { BaseAddress = new Uri(fixture.BaseUrl) });
        await visitor.SendAsync("Hello");
        var key = fixture.App.Services.GetRequiredService<CallerHasher>().HashChatSession(visitor.Token);
        var caseId = await fixture.App.WithDbAsync(
            db => db.Contacts.Where(c => c.ConversationKey == key).Select(c => c.CaseId).SingleAsync());
        return (visitor, caseId);
    }

    private async Task<(HubConnection Hub, Func<int> Changes)> WatchAsync(string token)
    {
        var changes = 0;
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(fixture.BaseUrl), ChatHub.Path), o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        hub.On("changed", () => Interlocked.Increment(ref changes));
        await hub.StartAsync();
        Assert.Equal(1, await hub.InvokeAsync<int>("Watch", token));
        return (hub, () => Volatile.Read(ref changes));
    }

    [Fact]
    public async Task Watch_ACaseNotification_ReachesThatVisitorAndNoOther()
    {
        var (mine, myCase) = await VisitorWithConversationAsync();
        var (other, _) = await VisitorWithConversationAsync();
        var (marker, markerCase) = await VisitorWithConversationAsync();
        var (myHub, myChanges) = await WatchAsync(mine.Token);
        var (otherHub, otherChanges) = await WatchAsync(other.Token);
        var (markerHub, markerChanges) = await WatchAsync(marker.Token);
        // Pushes leave in notification order from one loop: once the marker's arrives, the pushes for the visitors' own
        // "Hello" (which may reach a hub that joined late on a loaded machine) have left too. A fixed pause did not say so.
        await fixture.App.Services.GetRequiredService<ConsoleSignals>().CaseChangedAsync(markerCase, CancellationToken.None);
        Assert.True(await EventuallyAsync(() => markerChanges() > 0), "the marker's visitor was not told");
        await Task.Delay(500); // a push that left just before the marker's, on another socket, has landed
        var (mineBefore, otherBefore) = (myChanges(), otherChanges());

        await fixture.App.Services.GetRequiredService<ConsoleSignals>().CaseChangedAsync(myCase, CancellationToken.None);

        Assert.True(await EventuallyAsync(() => myChanges() > mineBefore), "the visitor of the changed case was not told");
        await Task.Delay(500);
        Assert.Equal(otherBefore, otherChanges());
        Assert.Equal(-1, await myHub.InvokeAsync<int>("Watch", "forged"));
        await myHub.DisposeAsync();
        await otherHub.DisposeAsync();
        await markerHub.DisposeAsync();
    }

    /// <summary>Polls until <paramref name="done"/> holds or 20 s pass (CI's machine is loaded).</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!done() && DateTime.UtcNow < deadline) await Task.Delay(50);
        return done();
    }
}
