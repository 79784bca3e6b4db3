namespace Hotline.Web.Operators.Conversations;

/// <summary>A ready-made reply an advocate can send or edit: its button's label and the text, in one language.</summary>
public sealed record QuickReply(string Id, string Label, string Text);

/// <summary>The quick replies of a language (a safety check-in such as "Is it still safe to text?"), from the flow file.</summary>
public interface IQuickReplies
{
    IReadOnlyList<QuickReply> For(string language);
}

/// <summary>
/// None yet: the flow file's <c>quick_replies</c> (Flow.QuickReplies) are being added on another branch.
/// LEAD, when merging: replace this registration (ConversationConsoleRegistration) with one that maps
/// Flow.QuickReplies to (Id, Label[language], Text[language]), the default language where one is missing.
/// </summary>
public sealed class NoQuickReplies : IQuickReplies
{
    public IReadOnlyList<QuickReply> For(string language) => [];
}
