using Hotline.Core.Callers;
using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Conversations;

/// <summary>
/// Sends a message of ours into a text conversation through Twilio's Messages API, on the conversation's own channel
/// and from the hotline address the person wrote to, with a status callback naming its transcript row. The row is
/// written before Twilio is asked, so a failure is shown (and can be retried), never lost. What may be sent is
/// decided by <see cref="ReplyRuleBook"/>; the Twilio call and the row's outcome by <see cref="MessageDelivery"/>.
/// </summary>
public sealed class ConversationSender(
    HotlineDbContext db, MessageDelivery delivery, ConsoleSignals signals, HotlineSettings settings, TimeProvider clock,
    Audit audit, Flow flow)
{
    public const string NoConversation = "This conversation no longer exists";
    public const string TemplatesAreWhatsApp = "Templates are for WhatsApp only: write a reply instead";
    public const string NoTemplate = "No approved WhatsApp template is set up for this hotline: ask an admin";
    public const string NotRetryable = "Only a failed message of ours can be sent again";
    public const string RetryUnderWay = "This message is already being sent again";

    /// <summary>An advocate's free-text reply (refused with a reason when the rules do not allow it now).</summary>
    public async Task<SendResult> SendAsync(Guid contactId, string body, HotlineUser advocate, CancellationToken ct)
    {
        if ((ReplyRuleBook.BodyProblem(body) ?? NamingProblem(body)) is { } bad) return Refused(bad);
        if (await LoadAsync(contactId, ct) is not { } conversation) return Refused(NoConversation);
        if ((FreeTextRefusal(conversation) ?? ReplyRuleBook.TakeProblem(conversation.Contact.AnsweredBy, advocate.Id)) is { } refusal)
        {
            return Refused(refusal);
        }
        var row = NewRow(conversation.Contact, MessageAuthor.Advocate, body, advocate.Id);
        return await WriteAndSendAsync(conversation, row, new OutgoingText(body, null), advocate, ct);
    }

    /// <summary>
    /// A text on a watched phone must not give the hotline away: an advocate's reply naming it is refused unless the
    /// flow allows naming (the flow's own texts are checked at start-up the same way).
    /// </summary>
    private string? NamingProblem(string body) =>
        HotlineNaming.FindName(flow, body) is { } name
            ? $"This reply names the hotline (\"{name}\"): someone watching their phone could read it. Write it without the name"
            : null;

    /// <summary>WhatsApp outside the 24-hour window: the pre-approved template in the person's language.</summary>
    public async Task<SendResult> SendTemplateAsync(Guid contactId, HotlineUser advocate, CancellationToken ct)
    {
        if (await LoadAsync(contactId, ct) is not { } conversation) return Refused(NoConversation);
        if ((TemplateRefusal(conversation) ?? ReplyRuleBook.TakeProblem(conversation.Contact.AnsweredBy, advocate.Id)) is { } refusal)
        {
            return Refused(refusal);
        }
        if (TemplateChoice.For(conversation.Contact.Language, flow.DefaultLanguage, settings.WhatsAppTemplates,
                settings.WhatsAppTemplatePreviews) is not { } template)
        {
            return Refused(NoTemplate);
        }
        var row = NewRow(conversation.Contact, MessageAuthor.Advocate, template.Preview, advocate.Id);
        row.TemplateSid = template.ContentSid;
        return await WriteAndSendAsync(conversation, row, new OutgoingText(null, template.ContentSid), advocate, ct);
    }

    /// <summary>Sends a failed message again (a new attempt on the same row).</summary>
    public async Task<SendResult> RetryAsync(Guid messageId, HotlineUser advocate, CancellationToken ct)
    {
        var row = await db.ConversationMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == messageId, ct);
        if (row is null || row.Direction != MessageDirection.Outbound || row.Author == MessageAuthor.Texter
            || !MessageStatusOrder.IsFailure(row.Status))
        {
            return Refused(NotRetryable);
        }
        if (await LoadAsync(row.ContactId, ct) is not { } conversation) return Refused(NoConversation);
        var rules = row.TemplateSid is null ? FreeTextRefusal(conversation) : TemplateRefusal(conversation);
        if ((rules ?? ReplyRuleBook.TakeProblem(conversation.Contact.AnsweredBy, advocate.Id)) is { } refusal) return Refused(refusal);

        // The reset is the claim: of two clicks on "Send again", one sends.
        if (!await delivery.ResetForRetryAsync(messageId, ct)) return Refused(RetryUnderWay);
        audit.Record("message.sent", row.CaseId, $"message {row.Id} sent again (it had failed: {row.ErrorCode ?? "no error code"})",
            actor: advocate.Id, actorName: ActorName(advocate));
        // Claimed: from here on the attempt is made whatever the page does, or the row would say "sending" for ever.
        await db.SaveChangesAsync(CancellationToken.None);
        await signals.CaseChangedAsync(row.CaseId, CancellationToken.None);
        return await delivery.SendAsync(Target(conversation), row, new OutgoingText(row.Body, row.TemplateSid));
    }

    /// <summary>The flow's own text (the closing message; the expiry message where the flow asks for it).</summary>
    public async Task<SendResult> SendAutomaticAsync(Guid contactId, string body, CancellationToken ct)
    {
        if (ReplyRuleBook.BodyProblem(body) is { } bad) return Refused(bad);
        if (await LoadAsync(contactId, ct) is not { } conversation) return Refused(NoConversation);
        if (FreeTextRefusal(conversation) is { } refusal) return Refused(refusal);
        var row = NewRow(conversation.Contact, MessageAuthor.Automatic, body, null);
        return await WriteAndSendAsync(conversation, row, new OutgoingText(body, null), null, ct);
    }

    /// <summary>What the advocate may send now, said before they write (see <see cref="ReplyRules"/>).</summary>
    public async Task<ReplyRules> RulesAsync(Guid contactId, CancellationToken ct) =>
        (await LoadAsync(contactId, ct))?.Rules ?? new ReplyRules(ReplyKind.NotAllowed, NoConversation, null);

    private sealed record Conversation(Contact Contact, string? Number, ReplyRules Rules);

    private static string? FreeTextRefusal(Conversation c) => c.Rules.Kind == ReplyKind.FreeText ? null : c.Rules.Explanation;

    /// <summary>A template may go at any time on WhatsApp (inside the window too), never where nothing may be sent.</summary>
    private static string? TemplateRefusal(Conversation c) =>
        c.Rules.Kind == ReplyKind.NotAllowed ? c.Rules.Explanation
        : c.Contact.Channel != Channel.WhatsApp ? TemplatesAreWhatsApp
        : null;

    private async Task<Conversation?> LoadAsync(Guid contactId, CancellationToken ct)
    {
        // Read only: every write of the sender is a statement of its own, so no tracked contact or case is saved by accident.
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Case).SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null) return null;
        var hash = contact.Case.CallerHash;
        var optedOut = hash is not null && await db.SmsOptOuts.AnyAsync(o => o.CallerHash == hash, ct);
        // WhatsApp's window runs from the person's last message to the hotline on WhatsApp, in any conversation of the case.
        DateTimeOffset? lastInbound = contact.Channel != Channel.WhatsApp ? null
            : await db.ConversationMessages
                .Where(m => m.CaseId == contact.CaseId && m.Channel == Channel.WhatsApp && m.Direction == MessageDirection.Inbound)
                .MaxAsync(m => (DateTimeOffset?)m.At, ct);
        var number = CallerNumber.Usable(contact.Case.CallerNumber);
        var rules = ReplyRuleBook.Decide(
            new ReplySituation(contact.Channel, optedOut, number is not null, lastInbound, clock.GetUtcNow(), flow.TimeZone));
        return new Conversation(contact, number, rules);
    }

    private ConversationMessage NewRow(Contact contact, MessageAuthor author, string body, string? advocateId)
    {
        var now = clock.GetUtcNow();
        return new ConversationMessage
        {
            Id = Guid.NewGuid(), CaseId = contact.CaseId, ContactId = contact.Id, Channel = contact.Channel,
            Direction = MessageDirection.Outbound, Author = author, Body = body, Status = MessageStatus.Sending,
            AuthorUserId = advocateId, At = now, StatusAt = now,
        };
    }

    /// <summary>The row first (with the audit entry), committed, then Twilio: a crash in between leaves a row that says so.</summary>
    private async Task<SendResult> WriteAndSendAsync(
        Conversation conversation, ConversationMessage row, OutgoingText text, HotlineUser? advocate, CancellationToken ct)
    {
        db.ConversationMessages.Add(row);
        if (advocate is not null)
        {
            // Never the text itself: the audit log is read more widely than the transcript.
            audit.Record("message.sent", row.CaseId, $"message {row.Id} on {row.Channel}" + (row.TemplateSid is null ? "" : " (template)"),
                actor: advocate.Id, actorName: ActorName(advocate));
        }
        await db.SaveChangesAsync(ct);
        await signals.CaseChangedAsync(row.CaseId, CancellationToken.None);
        return await delivery.SendAsync(Target(conversation), row, text);
    }

    private static MessageTarget Target(Conversation c) =>
        new(c.Contact.Id, c.Contact.CaseId, c.Contact.Channel, c.Number ?? "", c.Contact.HotlineAddress, c.Contact.Case.CallerHash);

    private static string ActorName(HotlineUser advocate) =>
        advocate.DisplayName is { Length: > 0 } name ? name : advocate.UserName ?? advocate.Id;

    private static SendResult Refused(string problem) => new(null, problem);
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
