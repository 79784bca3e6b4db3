using Hotline.Core.Cases;
using Hotline.Web.Conversations;
using Hotline.Web.Data;

namespace Hotline.Web.Operators.Conversations;

/// <summary>The text conversations of one case, newest first, each with its messages in order.</summary>
public sealed record ConversationPanel(Guid CaseId, DateTimeOffset Now, IReadOnlyList<ConversationThread> Threads)
{
    /// <summary>The conversation an advocate answers now: the newest, while it is still open.</summary>
    public ConversationThread? Current => Threads.Count > 0 && Threads[0].IsOpen ? Threads[0] : null;
}

/// <summary>One conversation (one <see cref="Contact"/> on a text channel) and who has it.</summary>
public sealed record ConversationThread(
    Guid ContactId, Channel Channel, string Language, ContactState State, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    string? TakenById, string? TakenBy, DateTimeOffset? TakenAt, DateTimeOffset? AwaitingReplySince,
    IReadOnlyList<MessageLine> Messages)
{
    /// <summary>The person reached an advocate's queue (or an advocate has them) and the conversation was not closed.</summary>
    public bool IsOpen => State is ContactState.Queued or ContactState.WithOperator;

    public bool IsTakenBy(string? userId) => userId is not null && TakenById == userId && State == ContactState.WithOperator;
}

/// <summary>One message as the advocate reads it: who wrote it, when, and where its delivery stands, in words.</summary>
public sealed record MessageLine(
    Guid Id, long Sequence, MessageAuthor Author, string? AdvocateName, string? Body, DateTimeOffset At, MessageStatus Status,
    string? Problem, IReadOnlyList<MediaReference> Media)
{
    /// <summary>Visible author label: the texter, the advocate by name, or the flow's automatic text.</summary>
    public string AuthorWords => Author switch
    {
        MessageAuthor.Texter => "Texter",
        MessageAuthor.Advocate => AdvocateName ?? "An advocate",
        MessageAuthor.Automatic => "Automatic message",
    };

    /// <summary>What a screen reader says before the message: who wrote it, in a sentence.</summary>
    public string AuthorSentence => Author switch
    {
        MessageAuthor.Texter => "The texter wrote:",
        MessageAuthor.Advocate => $"{AdvocateName ?? "An advocate"} (advocate) replied:",
        MessageAuthor.Automatic => "Sent automatically by the hotline:",
    };

    public bool Failed => Status is MessageStatus.Failed or MessageStatus.Undelivered;

    /// <summary>Only an advocate's own reply is sent again by hand; automatic texts belong to the flow.</summary>
    public bool CanRetry => Failed && Author == MessageAuthor.Advocate;

    public string StatusWords => ConversationWords.Status(Status, Problem);
}
