using Hotline.Web.Data;

namespace Hotline.Web.Conversations;

/// <summary>
/// Sends a message of ours into a text conversation through Twilio's Messages API, on the conversation's own channel
/// and from the hotline address the person wrote to, with a status callback naming its transcript row. The row is
/// written before Twilio is asked, so a failure is shown (and can be retried), never lost.
/// </summary>
/// <remarks>Work in progress on its branch: the signatures are the contract the console codes against.</remarks>
public sealed class ConversationSender
{
    /// <summary>An advocate's free-text reply (refused with a reason when the rules do not allow it now).</summary>
    public Task<SendResult> SendAsync(Guid contactId, string body, HotlineUser advocate, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>WhatsApp outside the 24-hour window: the pre-approved template in the person's language.</summary>
    public Task<SendResult> SendTemplateAsync(Guid contactId, HotlineUser advocate, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>Sends a failed message again (a new attempt on the same row).</summary>
    public Task<SendResult> RetryAsync(Guid messageId, HotlineUser advocate, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>The flow's own text (the closing message; the expiry message where the flow asks for it).</summary>
    public Task<SendResult> SendAutomaticAsync(Guid contactId, string body, CancellationToken ct) =>
        throw new NotImplementedException();

    /// <summary>What the advocate may send now, said before they write (see <see cref="ReplyRules"/>).</summary>
    public Task<ReplyRules> RulesAsync(Guid contactId, CancellationToken ct) => throw new NotImplementedException();
}

/// <summary>The transcript row written (null when nothing was written), and why it failed or was refused, in plain words.</summary>
public sealed record SendResult(Guid? MessageId, string? Problem)
{
    public bool Sent => Problem is null;
}

/// <summary>
/// What may be sent into a conversation now: free text, only a template (WhatsApp, 24 hours after the person's last
/// message), or nothing (they texted STOP; no usable number). <see cref="Explanation"/> says it to the advocate.
/// </summary>
public sealed record ReplyRules(ReplyKind Kind, string Explanation, DateTimeOffset? FreeTextUntil);

public enum ReplyKind
{
    FreeText,
    TemplateOnly,
    NotAllowed,
}
