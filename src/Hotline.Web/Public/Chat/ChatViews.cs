using Hotline.Core.Flows;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// One transcript row as the visitor sees it: what was said, by whom ("you", "advocate", "hotline"), when, and its
/// place in the conversation. No advocate's name, no status reason, no ids of staff: the visitor's phone may be
/// read by the person they fear, and an advocate's name is theirs to give in the chat if they choose.
/// </summary>
public sealed record ChatMessageView(long Sequence, string Author, string Body, DateTimeOffset At);

/// <summary>Where the visitor's conversation stands, for the page.</summary>
/// <param name="State">none, intake, waiting, talking, after-hours, ended (by an advocate) or closed (otherwise).</param>
/// <param name="Position">In line among the text conversations waiting for an advocate (1 = next), while waiting.</param>
/// <param name="Choices">The open question's answers during the intake (buttons that send the key).</param>
/// <param name="ContactRequested">The visitor left a way to be contacted instead of waiting.</param>
public sealed record ChatStatus(string State, int? Position, IReadOnlyList<MenuOption> Choices, bool ContactRequested);

/// <summary>What a sent message caused: the automatic reply and its choices, or nothing (an advocate will answer).</summary>
public sealed record ChatReply(string Body, IReadOnlyList<MenuOption> Choices);

/// <summary>What <c>POST /chat/api/start</c> gives: the session token and the flow's languages (code and own name).</summary>
public sealed record ChatStart(string Token, IReadOnlyList<ChatLanguage> Languages);

public sealed record ChatLanguage(string Code, string Name);

/// <summary>A visitor's message: their own id for it (a resend with the same id is stored once) and the text.</summary>
public sealed record ChatMessageInput(Guid Id, string? Body);

/// <summary>A way to be contacted instead of waiting: a phone number or an e-mail address, and when it is safe.</summary>
public sealed record ChatContactInput(string? Phone, string? Email, string? SafeTime);
