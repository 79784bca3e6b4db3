using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Operators.Conversations;
using Hotline.Web.Public.Chat;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Benchmark;

/// <summary>
/// The web chat scenario: N concurrent visitors, each starting a session, watching it over the chat hub, answering
/// the intake by its choice keys, then exchanging messages with an advocate (a visitor message, then a reply).
/// The advocates are played in this process through the service's own <see cref="ConversationDesk"/> (take) and
/// <see cref="ConversationSender"/> (reply), so a reply takes the real row, notification and push path. A reply's
/// delivery latency runs from the sender's call to the visitor having fetched it after a <c>changed()</c> push.
/// </summary>
public sealed class ChatLoadRunner(HttpClient http, InProcessService service, BenchOptions options, LatencyRecorder? latencies)
    : ILoadRun
{
    /// <summary>The intake as the chat asks it: the first message, then the answers by their labels.</summary>
    public static readonly string[] IntakeLabels = ["English", "Yes", "No", "No", "Report a situation"];

    /// <summary>One visitor's conversation: their message ids, the replies' row ids, and which replies they saw.</summary>
    public sealed record Conversation(Guid ContactId, IReadOnlyList<string> Sent, IReadOnlyList<Guid> Replies, int RepliesSeen);

    public ConcurrentBag<Conversation> Conversations { get; } = [];
    public ConcurrentQueue<double> DeliveryMillis { get; } = new();
    public int CompletedCount => _completed;
    public int Failed => _failed;
    public ConcurrentQueue<string> FirstErrors { get; } = new();
    IEnumerable<string> ILoadRun.FirstErrors => FirstErrors;
    public TimeSpan Elapsed { get; private set; }
    public string Unit => "chats";
    /// <summary>Messages both ways that were answered: the visitor's (intake included) and the advocates' replies.</summary>
    public int Messages => _messages;
    private int _completed, _failed, _messages;
    private HotlineUser[] _advocates = [];

    public async Task RunAsync()
    {
        _advocates = await SeedAdvocatesAsync(Math.Max(1, options.Callers / 5));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, options.Callers).Select(VisitorAsync));
        Elapsed = clock.Elapsed;
    }

    private async Task VisitorAsync(int index)
    {
        await Task.Yield();
        var sent = new List<string>();
        var replies = new List<Guid>();
        var seen = 0;
        var contactId = Guid.Empty;
        string? token = null;
        var changed = new SemaphoreSlim(0);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(service.Url, ChatHub.Path), o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        hub.On("changed", () => changed.Release());
        try
        {
            var start = await CallAsync(HttpMethod.Post, "/chat/api/start", null, null);
            token = start.GetProperty("token").GetString()!;
            await hub.StartAsync();
            var reply = await SendAsync(token, "hi, I need help. my boss took my passport", sent);
            if (await hub.InvokeAsync<int>("Watch", token) != 1) throw new InvalidOperationException("Watch found no conversation");
            foreach (var label in IntakeLabels)
            {
                var key = reply.GetProperty("reply").GetProperty("choices").EnumerateArray()
                    .FirstOrDefault(c => c.GetProperty("label").GetString() == label);
                if (key.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"no choice '{label}' in the intake");
                reply = await SendAsync(token, key.GetProperty("key").GetString()!, sent);
            }
            var advocate = _advocates[index % _advocates.Length];
            contactId = await TakeAsync(token, advocate);
            long after = 0;
            for (var i = 0; i < options.ChatExchanges; i++)
            {
                await SendAsync(token, $"message {i} from visitor {index}", sent);
                var body = $"reply {i} to visitor {index}";
                var at = Stopwatch.GetTimestamp();
                replies.Add(await ReplyAsync(contactId, body, advocate));
                Interlocked.Increment(ref _messages);
                // The visitor fetches after every push until the reply is among their rows (10 s without one: not seen).
                var found = false;
                while (!found && await changed.WaitAsync(TimeSpan.FromSeconds(10)))
                {
                    var rows = await CallAsync(HttpMethod.Get, $"/chat/api/messages?after={after}", token, null);
                    foreach (var row in rows.EnumerateArray())
                    {
                        after = Math.Max(after, row.GetProperty("sequence").GetInt64());
                        found |= row.GetProperty("body").GetString() == body;
                    }
                }
                if (!found) throw new InvalidOperationException($"visitor {index} never saw '{body}'");
                seen++;
                DeliveryMillis.Enqueue(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            }
            Interlocked.Increment(ref _completed);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException
                                      or JsonException or KeyNotFoundException or IOException
                                      or Microsoft.AspNetCore.SignalR.HubException or System.Net.WebSockets.WebSocketException)
        {
            Interlocked.Increment(ref _failed);
            if (FirstErrors.Count < 5) FirstErrors.Enqueue(e.Message);
            if (contactId == Guid.Empty && sent.Count > 0) contactId = (await ContactOfAsync(token!))?.Id ?? Guid.Empty;
        }
        // Kept even when the visitor failed: what was answered 200 must be in the transcript all the same.
        Conversations.Add(new Conversation(contactId, sent, replies, seen));
    }

    private async Task<JsonElement> SendAsync(string token, string body, List<string> sent)
    {
        var id = Guid.NewGuid();
        var answer = await CallAsync(HttpMethod.Post, "/chat/api/messages", token, new { id, body });
        sent.Add(ChatApiController.ChatMessageId(id));
        Interlocked.Increment(ref _messages);
        return answer;
    }

    private async Task<JsonElement> CallAsync(HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(service.Url, path));
        if (token is not null) request.Headers.Add(ChatSession.Header, token);
        if (body is not null) request.Content = JsonContent.Create(body);
        var at = Stopwatch.GetTimestamp();
        var status = 0;
        try
        {
            using var response = await http.SendAsync(request);
            status = (int)response.StatusCode;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        finally
        {
            var query = path.IndexOf('?', StringComparison.Ordinal);
            latencies?.Record($"{method} {(query < 0 ? path : path[..query])}", status, Stopwatch.GetElapsedTime(at));
        }
    }

    /// <summary>The advocate takes the conversation once the intake has put it in the queue.</summary>
    private async Task<Guid> TakeAsync(string token, HotlineUser advocate)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var contact = await ContactOfAsync(token) ?? throw new InvalidOperationException("the chat has no contact");
            await using var scope = service.App.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ConversationDesk>()
                .TakeAsync(contact.CaseId, contact.Id, advocate, CancellationToken.None);
            if (outcome.Problem is null) return contact.Id;
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the advocate could not take the conversation");
    }

    private async Task<(Guid Id, Guid CaseId)?> ContactOfAsync(string token)
    {
        await using var scope = service.App.Services.CreateAsyncScope();
        var key = scope.ServiceProvider.GetRequiredService<ChatConversation>().KeyOf(token);
        var contact = await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().Contacts.AsNoTracking()
            .Where(c => c.ConversationKey == key).Select(c => new { c.Id, c.CaseId }).SingleOrDefaultAsync();
        return contact is null ? null : (contact.Id, contact.CaseId);
    }

    private async Task<Guid> ReplyAsync(Guid contactId, string body, HotlineUser advocate)
    {
        await using var scope = service.App.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ConversationSender>()
            .SendAsync(contactId, body, advocate, CancellationToken.None);
        return result.MessageId ?? throw new InvalidOperationException($"the reply was refused: {result.Problem}");
    }

    private async Task<HotlineUser[]> SeedAdvocatesAsync(int count)
    {
        await using var scope = service.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var advocates = Enumerable.Range(0, count).Select(i =>
        {
            var name = $"bench-advocate-{Guid.NewGuid():N}";
            return new HotlineUser
            {
                Id = Guid.NewGuid().ToString(), UserName = name, NormalizedUserName = name.ToUpperInvariant(),
                DisplayName = $"Advocate {i}", SecurityStamp = Guid.NewGuid().ToString(),
            };
        }).ToArray();
        db.Users.AddRange(advocates);
        await db.SaveChangesAsync();
        return advocates;
    }
}
