namespace Hotline.Web.Operators.Conversations;

/// <summary>A ready-made reply an advocate can send or edit: its button's label and the text, in one language.</summary>
public sealed record QuickReply(string Id, string Label, string Text);

/// <summary>The quick replies of a language (a safety check-in such as "Is it still safe to text?"), from the flow file.</summary>
public interface IQuickReplies
{
    IReadOnlyList<QuickReply> For(string language);
}

/// <summary>The flow file's <c>quick_replies</c>, in the person's language (the flow's default where it has none).</summary>
public sealed class FlowQuickReplies(Hotline.Core.Flows.Flow flow) : IQuickReplies
{
    public IReadOnlyList<QuickReply> For(string language)
    {
        var lang = flow.LanguageOrDefault(language);
        return [.. flow.QuickReplies.Select(q => new QuickReply(q.Id, q.Label(lang), q.Text(lang)))];
    }
}
