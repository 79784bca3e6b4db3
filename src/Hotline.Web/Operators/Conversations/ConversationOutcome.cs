namespace Hotline.Web.Operators.Conversations;

/// <summary>What a conversation action did, in words for the advocate: a problem (refused or failed) or what was done.</summary>
public sealed record ConversationOutcome(string? Problem, string? Done)
{
    public static ConversationOutcome Refused(string problem) => new(problem, null);
    public static ConversationOutcome Ok(string done) => new(null, done);
    public bool Succeeded => Problem is null;
}
