using System.Net.Http.Json;
using System.Text.Json;

namespace Hotline.Web.Tests.Chat;

/// <summary>A web chat visitor over HTTP, as the page talks to the API: a session token in a header, client message ids.</summary>
public sealed class ChatVisitor(HttpClient client, string token)
{
    public string Token { get; } = token;
    public HttpClient Client { get; } = client;

    public static async Task<ChatVisitor> StartAsync(HttpClient client)
    {
        var response = await client.PostAsync("/chat/api/start", null);
        response.EnsureSuccessStatusCode();
        var start = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ChatVisitor(client, start.GetProperty("token").GetString()!);
    }

    public Task<HttpResponseMessage> PostAsync(Guid id, string body) =>
        SendRawAsync(HttpMethod.Post, "/chat/api/messages", new { id, body });

    /// <summary>Sends a message and returns the automatic reply (null when none), failing on anything but 200.</summary>
    public async Task<Reply?> SendAsync(string body, Guid? id = null)
    {
        var response = await PostAsync(id ?? Guid.NewGuid(), body);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reply = json.GetProperty("reply");
        if (reply.ValueKind == JsonValueKind.Null) return null;
        var choices = reply.GetProperty("choices").EnumerateArray()
            .Select(c => new Choice(c.GetProperty("key").GetString()!, c.GetProperty("label").GetString()!)).ToList();
        return new Reply(reply.GetProperty("body").GetString()!, choices);
    }

    /// <summary>Answers the open question by the label of one of its choices, as a tap on its button does.</summary>
    public Task<Reply?> ChooseAsync(Reply? question, string label)
    {
        Assert.NotNull(question);
        var choice = question.Choices.SingleOrDefault(c => c.Label == label);
        Assert.True(choice is not null, $"No choice '{label}' in: {question.Body}");
        return SendAsync(choice.Key);
    }

    public async Task<List<Row>> MessagesAsync(long after = 0)
    {
        var response = await SendRawAsync(HttpMethod.Get, $"/chat/api/messages?after={after}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<Row>>(JsonSerializerOptions.Web))!;
    }

    public async Task<JsonElement> StatusAsync()
    {
        var response = await SendRawAsync(HttpMethod.Get, "/chat/api/status");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Chat-Session", Token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return Client.SendAsync(request);
    }

    public sealed record Choice(string Key, string Label);

    public sealed record Reply(string Body, List<Choice> Choices);

    public sealed record Row(long Sequence, string Author, string Body, DateTimeOffset At);
}
