using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Jobs;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Web.Tests.Chat;

public class ChatApiTests(ChatFixture fixture) : IClassFixture<ChatFixture>
{
    private HotlineApp App => fixture.App;

    /// <summary>The whole intake by buttons: English, safe, no danger, a child involved, report a situation.</summary>
    private async Task<(ChatVisitor Visitor, ChatVisitor.Reply? Last)> QueuedVisitorAsync(bool child = true)
    {
        var visitor = await ChatVisitor.StartAsync(fixture.Client());
        var reply = await visitor.SendAsync("English");
        reply = await visitor.ChooseAsync(reply, "English");
        reply = await visitor.ChooseAsync(reply, "Yes"); // safe to text
        reply = await visitor.ChooseAsync(reply, "No"); // nobody in immediate danger
        reply = await visitor.ChooseAsync(reply, child ? "Yes" : "No"); // a child involved
        reply = await visitor.ChooseAsync(reply, "Report a situation");
        return (visitor, reply);
    }

    private Task<Contact> ConversationOfAsync(ChatVisitor visitor)
    {
        var key = App.Services.GetRequiredService<CallerHasher>().HashChatSession(visitor.Token);
        return App.WithDbAsync(db => db.Contacts.Include(c => c.Case).Where(c => c.ConversationKey == key).SingleAsync());
    }

    [Fact]
    public async Task Intake_ByChoices_EndsQueuedWithAnswersAndAChildsMandatoryReferrals()
    {
        var (visitor, last) = await QueuedVisitorAsync(child: true);

        Assert.NotNull(last);
        Assert.Empty(last.Choices);
        Assert.Contains("advocate", last.Body, StringComparison.OrdinalIgnoreCase);
        var contact = await ConversationOfAsync(visitor);
        Assert.Equal(ContactState.Queued, contact.State);
        Assert.Equal(Hotline.Core.Cases.Channel.Chat, contact.Channel);
        Assert.True(contact.Case.SafeToTalk);
        Assert.False(contact.Case.ImminentDanger);
        Assert.True(contact.Case.ChildInvolved);
        Assert.NotNull(contact.AwaitingReplySince);
        Assert.Equal("waiting", (await visitor.StatusAsync()).GetProperty("state").GetString());

        var caseId = contact.CaseId;
        var enqueued = await TestPostgres.CountEventuallyAsync(fixture.ConnectionString,
            "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%IntakeEndedJob%' "
            + $"AND arguments::text LIKE '%{caseId}%'", 1);
        Assert.Equal(1L, enqueued);
        await App.RunAsync<IntakeEndedJob>(job => job.RunAsync(caseId, CancellationToken.None));
        var referrals = await App.WithDbAsync(db => db.Referrals.Include(r => r.Agency).Where(r => r.CaseId == caseId).ToListAsync());
        Assert.Contains(referrals, r => r.Agency.Type == AgencyType.ChildProtection && r.Mandatory);
        Assert.Contains(referrals, r => r.Agency.Type == AgencyType.Police && r.Mandatory);
    }

    [Fact]
    public async Task Status_WhileWaiting_GivesThePlaceInLineAfterThoseWaitingLonger()
    {
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var (first, _) = await QueuedVisitorAsync(child: false);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var (second, _) = await QueuedVisitorAsync(child: false);

        var firstPlace = (await first.StatusAsync()).GetProperty("position").GetInt32();
        var secondPlace = (await second.StatusAsync()).GetProperty("position").GetInt32();
        Assert.True(firstPlace >= 1);
        Assert.Equal(firstPlace + 1, secondPlace);
    }

    [Fact]
    public async Task Send_SameClientIdTwice_StoresOneRowAndAnswersBoth()
    {
        var (visitor, _) = await QueuedVisitorAsync(child: false);
        var id = Guid.NewGuid();

        var first = await visitor.PostAsync(id, "my boss took my passport");
        var resent = await visitor.PostAsync(id, "my boss took my passport");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var sid = Public.Chat.ChatApiController.ChatMessageId(id);
        Assert.Equal(1, await App.WithDbAsync(db => db.ConversationMessages.CountAsync(m => m.MessageSid == sid)));
        Assert.Single(await visitor.MessagesAsync(), r => r.Body == "my boss took my passport");
    }

    [Fact]
    public async Task Messages_After_GivesOnlyNewerRowsOfTheVisitorsOwnConversation()
    {
        var visitor = await ChatVisitor.StartAsync(fixture.Client());
        await visitor.SendAsync("English");
        var before = await visitor.MessagesAsync();
        Assert.Equal(["you", "hotline"], before.Select(r => r.Author));
        Assert.Equal("English", before[0].Body);
        Assert.True(before[0].Sequence < before[1].Sequence);

        await visitor.SendAsync("1");
        var newer = await visitor.MessagesAsync(after: before[^1].Sequence);

        Assert.Equal(["you", "hotline"], newer.Select(r => r.Author));
        Assert.Equal("1", newer[0].Body);
        Assert.All(newer, r => Assert.True(r.Sequence > before[^1].Sequence));
        var stranger = await ChatVisitor.StartAsync(fixture.Client());
        Assert.Empty(await stranger.MessagesAsync());
        Assert.Equal("none", (await stranger.StatusAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Messages_AnAdvocatesSentReply_IsShownWithoutNameAndBecomesDelivered()
    {
        var (visitor, _) = await QueuedVisitorAsync(child: false);
        var contact = await ConversationOfAsync(visitor);
        var reply = await ChatTranscriptSeed.AdvocateReplyAsync(App, contact, "Hello, I am here. Are you safe?");

        var rows = await visitor.MessagesAsync();

        var shown = Assert.Single(rows, r => r.Author == "advocate");
        Assert.Equal("Hello, I am here. Are you safe?", shown.Body);
        var stored = await App.WithDbAsync(db => db.ConversationMessages.SingleAsync(m => m.Id == reply));
        Assert.Equal(MessageStatus.Delivered, stored.Status);
        var raw = await (await visitor.SendRawAsync(HttpMethod.Get, "/chat/api/messages?after=0")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HotlineApp.AdminEmail, raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("authorUserId", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Send_OversizedBody_IsAProblemDetails400AndNothingIsStored()
    {
        var visitor = await ChatVisitor.StartAsync(fixture.Client());
        var id = Guid.NewGuid();

        var response = await visitor.PostAsync(id, new string('x', 2001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        var sid = Public.Chat.ChatApiController.ChatMessageId(id);
        Assert.Equal(0, await App.WithDbAsync(db => db.ConversationMessages.CountAsync(m => m.MessageSid == sid)));
    }

    [Fact]
    public async Task Send_MalformedJsonOrNoSession_IsA4xxProblemNever500()
    {
        var client = fixture.Client();
        var noSession = await client.PostAsJsonAsync("/chat/api/messages", new { id = Guid.NewGuid(), body = "hi" });
        var visitor = await ChatVisitor.StartAsync(client);
        var request = new HttpRequestMessage(HttpMethod.Post, "/chat/api/messages")
        {
            Content = new StringContent("{\"id\": 12, \"body\": [", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Chat-Session", visitor.Token);
        var malformed = await client.SendAsync(request);
        var forgedToken = new ChatVisitor(client, "not-a-token");
        var forged = await forgedToken.SendRawAsync(HttpMethod.Get, "/chat/api/messages?after=0");

        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task EveryChatResponse_SetsNoCookieAndCarriesTheStrictCsp()
    {
        var client = fixture.Client();
        var responses = new List<HttpResponseMessage>
        {
            await client.GetAsync("/chat"), await client.PostAsync("/chat/api/start", null),
        };
        var (visitor, _) = await QueuedVisitorAsync(child: false);
        responses.Add(await visitor.PostAsync(Guid.NewGuid(), "hello"));
        responses.Add(await visitor.SendRawAsync(HttpMethod.Get, "/chat/api/messages?after=0"));
        responses.Add(await visitor.SendRawAsync(HttpMethod.Get, "/chat/api/status"));
        var contact = new { email = "me@example.org", safeTime = "evening" };
        responses.Add(await visitor.SendRawAsync(HttpMethod.Post, "/chat/api/contact", contact));
        responses.Add(await visitor.PostAsync(Guid.NewGuid(), new string('x', 3000)));

        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        foreach (var response in responses)
        {
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{response.RequestMessage!.RequestUri} set a cookie");
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
        }
        var page = await responses[0].Content.ReadAsStringAsync();
        Assert.DoesNotContain("__RequestVerificationToken", page);
        Assert.DoesNotContain("<script>", page);
        Assert.DoesNotContain("style=", page);
    }

    [Theory]
    [InlineData("advocate-user-id", "ended")]
    [InlineData(null, "closed")]
    public async Task Status_ACompletedConversation_SaysWhetherAnAdvocateEndedIt(string? answeredBy, string expected)
    {
        var (visitor, _) = await QueuedVisitorAsync(child: false);
        var contact = await ConversationOfAsync(visitor);

        await App.WithDbAsync(db => db.Contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.State, ContactState.Completed).SetProperty(c => c.AnsweredBy, answeredBy)));

        Assert.Equal(expected, (await visitor.StatusAsync()).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Contact_APhoneAndSafeTime_AreKeptOnTheCaseAsAConsentedCallback()
    {
        var (visitor, _) = await QueuedVisitorAsync(child: false);

        var response = await visitor.SendRawAsync(
            HttpMethod.Post, "/chat/api/contact", new { phone = "+1 312 555 0199", safeTime = "evening" });
        var bad = await visitor.SendRawAsync(HttpMethod.Post, "/chat/api/contact", new { phone = "call me", safeTime = "evening" });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var contact = await ConversationOfAsync(visitor);
        Assert.True(contact.CallbackRequested);
        Assert.True(contact.Case.CallbackAllowed);
        Assert.Equal("evening", contact.Case.CallbackWindow);
        Assert.Equal("+13125550199", contact.Case.CallerNumber);
        Assert.NotNull(contact.Case.CallbackDueAt);
        Assert.Contains("+13125550199", contact.Case.SafeContactInstructions);
        Assert.True((await visitor.StatusAsync()).GetProperty("contactRequested").GetBoolean());
    }
}
