using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// The web chat visitor's API. Anonymous; no cookie is read or written. Anti-forgery is off on purpose: every call
/// but <c>start</c> needs the <see cref="ChatSession.Header"/> header, which a cross-site form cannot send (see
/// <see cref="ChatSession"/>). A message goes through the one intake every text channel shares.
/// </summary>
[ApiController]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("chat/api")]
public sealed class ChatApiController(ConversationIntake intake, ChatConversation conversation, Flow flow) : ControllerBase
{
    public const int MaxBodyLength = 2000;

    /// <summary>A new session: the token (kept by the page in sessionStorage only) and the flow's languages.</summary>
    [HttpPost("start")]
    [EnableRateLimiting(ChatRateLimits.Start)]
    public ChatStart Start() => new(ChatSession.NewToken(), ChatLanguages.Of(flow));

    [HttpPost("messages")]
    [EnableRateLimiting(ChatRateLimits.Messages)]
    [RequestSizeLimit(32 * 1024)]
    public async Task<IActionResult> Send(ChatMessageInput input, CancellationToken ct)
    {
        if (ChatSession.From(Request) is not { } token) return NoSession();
        if (input.Id == Guid.Empty) ModelState.AddModelError("id", "Each message needs its own id (a GUID made by the page).");
        if (string.IsNullOrWhiteSpace(input.Body)) ModelState.AddModelError("body", "Write a message first.");
        else if (input.Body.Length > MaxBodyLength)
            ModelState.AddModelError("body", $"A message can be at most {MaxBodyLength} characters. Please split it in two.");
        if (!ModelState.IsValid) return ValidationProblem(ModelState);

        var text = new InboundText(Channel.Chat, ChatMessageId(input.Id), From: "", HotlineAddress: "web", input.Body!, Media: [])
        {
            ChatSession = token,
        };
        var reply = await intake.ReceiveAsync(text, ct);
        return Ok(new { reply = reply is null ? null : new ChatReply(reply.Body, reply.Choices) });
    }

    /// <summary>The visitor's own rows after a sequence number (0: from the start).</summary>
    [HttpGet("messages")]
    [EnableRateLimiting(ChatRateLimits.Messages)]
    public async Task<IActionResult> Messages([FromQuery] long after, CancellationToken ct) =>
        ChatSession.From(Request) is { } token ? Ok(await conversation.MessagesAfterAsync(token, Math.Max(0, after), ct)) : NoSession();

    [HttpGet("status")]
    [EnableRateLimiting(ChatRateLimits.Messages)]
    public async Task<IActionResult> Status(CancellationToken ct) =>
        ChatSession.From(Request) is { } token ? Ok(await conversation.StatusAsync(token, ct)) : NoSession();

    /// <summary>A way to be contacted instead of waiting (phone or e-mail, and a safe time).</summary>
    [HttpPost("contact")]
    [EnableRateLimiting(ChatRateLimits.Messages)]
    [RequestSizeLimit(8 * 1024)]
    public async Task<IActionResult> Contact(ChatContactInput input, [FromServices] ChatContactRequest request, CancellationToken ct)
    {
        if (ChatSession.From(Request) is not { } token) return NoSession();
        foreach (var (field, messages) in request.Problems(input))
        {
            foreach (var message in messages) ModelState.AddModelError(field, message);
        }
        if (!ModelState.IsValid) return ValidationProblem(ModelState);
        return await request.KeepAsync(conversation.KeyOf(token), input, ct)
            ? NoContent()
            : Problem(statusCode: StatusCodes.Status409Conflict, title: "Start the chat first",
                detail: "There is no conversation yet to attach this to.");
    }

    /// <summary>The transcript's unique message id: a resend of the same client id is the same message, stored once.</summary>
    public static string ChatMessageId(Guid clientId) => "chat:" + clientId.ToString("D");

    private ObjectResult NoSession() => Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No chat session",
        detail: $"Start a chat first (POST /chat/api/start) and send its token in the {ChatSession.Header} header.");
}
