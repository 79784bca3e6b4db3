using Hotline.Web.Conversations;

namespace Hotline.Web.Operators.Conversations;

/// <summary>
/// The swapped (live) part of the case page's conversation: the transcripts and who has each conversation, with
/// the take, close and reassign buttons. The reply box is not in it, so a live update never touches what is typed.
/// </summary>
public sealed record ConversationPart(
    ConversationPanel Panel, string? MyId, bool Supervisor, IReadOnlyList<AdvocateOption> Advocates)
{
    public string LiveUrl => ConversationRoutes.Live(Panel.CaseId);
}

public sealed record AdvocateOption(string Id, string Name);

/// <summary>The whole conversation section of the case page: the live part, the safe-contact rules, the reply box.</summary>
public sealed record CaseConversationView(
    ConversationPart Part, SafeContact SafeContact, string? SafeContactInstructions, ReplyRules? Rules,
    IReadOnlyList<QuickReply> QuickReplies, ReplyDraft? Draft)
{
    public ConversationThread? Current => Part.Panel.Current;
    public bool CanReply => Current is { } t && t.IsTakenBy(Part.MyId);
}

/// <summary>A reply that was not sent: the page shows why, with the advocate's text still in the box.</summary>
public sealed record ReplyDraft(Guid ContactId, string? Body, string Problem);

public static class ConversationRoutes
{
    public static string Live(Guid caseId) => $"/cases/{caseId}/conversation";
    public static string Of(Guid caseId, Guid contactId, string action) => $"/cases/{caseId}/conversations/{contactId}/{action}";
    public static string Retry(Guid caseId, Guid messageId) => $"/cases/{caseId}/messages/{messageId}/retry";
    /// <summary>The case page, scrolled to the conversation.</summary>
    public static string Page(Guid caseId) => $"/cases/{caseId}#conversation-h";
}
