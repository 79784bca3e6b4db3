using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Microsoft.EntityFrameworkCore;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Hotline.Web.Conversations;

/// <summary>Where a message goes: the person's usable number, on the conversation's channel, from the address they wrote to.</summary>
public sealed record MessageTarget(Guid ContactId, Guid CaseId, Channel Channel, string Number, string? HotlineAddress, string? CallerHash);

/// <summary>Free text, or a WhatsApp template (its content SID; the template's own default variables apply).</summary>
public sealed record OutgoingText(string? Body, string? ContentSid);

/// <summary>
/// One attempt to send a transcript row through Twilio, and its outcome written back on the row. Every write after
/// Twilio answered uses no cancellation: once Twilio has been asked, the row must not be left saying "sending".
/// </summary>
public sealed class MessageDelivery(
    HotlineDbContext db, ITwilioRestClient twilio, HotlineSettings settings, TimeProvider clock, ConsoleSignals signals,
    ILogger<MessageDelivery> log)
{
    public async Task<SendResult> SendAsync(MessageTarget target, ConversationMessage row, OutgoingText text)
    {
        if (target.Channel == Channel.Chat) return await PostToChatAsync(target, row);
        try
        {
            var message = await MessageResource.CreateAsync(
                    to: new PhoneNumber(ReplyRuleBook.Address(target.Channel, target.Number)),
                    from: new PhoneNumber(ReplyRuleBook.Address(target.Channel, target.HotlineAddress ?? settings.TwilioNumber)),
                    body: text.Body, contentSid: text.ContentSid, statusCallback: StatusCallback(row.Id), client: twilio)
                // An empty answer makes the SDK return null instead of throwing: not sent, as far as anyone knows.
                ?? throw new Twilio.Exceptions.ApiConnectionException("Twilio gave an empty answer");
            var status = MessageStatusOrder.FromTwilio(message.Status?.ToString()) ?? MessageStatus.Queued;
            await AcceptedAsync(row.Id, message.Sid, status);
            await AnsweredAsync(target.ContactId, row);
            await signals.CaseChangedAsync(target.CaseId, CancellationToken.None);
            return new SendResult(row.Id, null);
        }
        catch (Exception e) when (TwilioFailures.IsTwilioFailure(e))
        {
            // Not the exception's message: Twilio's words can carry the person's number and the account's URL.
            var code = MessageProblems.CodeOf(e);
            log.LogWarning("Message {MessageId} was not sent: {Failure} (Twilio error {Code})",
                row.Id, TwilioFailures.Classify(e), code ?? "none");
            var problem = MessageProblems.Of(e);
            await FailedAsync(row.Id, code, problem);
            // Twilio's own opt-out list knows them: hold it here too, so nothing more is tried until they text START.
            if (code == MessageProblems.OptedOutCode) await OptOutAsync(target.CallerHash);
            await signals.CaseChangedAsync(target.CaseId, CancellationToken.None);
            return new SendResult(row.Id, problem);
        }
    }

    /// <summary>
    /// A web chat has no carrier: the row is the message, and the visitor's window fetches it when told the case changed.
    /// It is "sent" here and "delivered" when their window has fetched it (the chat's own endpoint says so).
    /// </summary>
    private async Task<SendResult> PostToChatAsync(MessageTarget target, ConversationMessage row)
    {
        var now = clock.GetUtcNow();
        await db.ConversationMessages.Where(m => m.Id == row.Id && m.Status == MessageStatus.Sending).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, MessageStatus.Sent).SetProperty(m => m.StatusAt, now), CancellationToken.None);
        await AnsweredAsync(target.ContactId, row);
        await signals.CaseChangedAsync(target.CaseId, CancellationToken.None);
        return new SendResult(row.Id, null);
    }

    /// <summary>A failed row back to "sending" for a new attempt; false when it is no longer failed (another retry won).</summary>
    public async Task<bool> ResetForRetryAsync(Guid messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The old SID goes: a late report about the failed attempt no longer matches the row (see DeliveryReports).
        return await db.ConversationMessages
            .Where(m => m.Id == messageId && (m.Status == MessageStatus.Failed || m.Status == MessageStatus.Undelivered))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.MessageSid, (string?)null)
                .SetProperty(m => m.ErrorCode, (string?)null).SetProperty(m => m.Problem, (string?)null)
                .SetProperty(m => m.StatusAt, now), ct) == 1;
    }

    /// <summary>Records the person's opt-out (Twilio error 21610), keyed by the case's caller hash.</summary>
    public async Task OptOutAsync(string? callerHash)
    {
        if (callerHash is null) return;
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO sms_opt_outs ("CallerHash", "At") VALUES ({callerHash}, {now}) ON CONFLICT ("CallerHash") DO NOTHING""",
            CancellationToken.None);
    }

    /// <summary>
    /// Twilio took the message: its SID and status on the row. A status callback can come before this write; when one
    /// for this SID already moved the row on, its status stands. Anything else on the row (a late report of an
    /// earlier attempt) is replaced by this attempt's.
    /// </summary>
    private async Task AcceptedAsync(Guid id, string sid, MessageStatus status)
    {
        var now = clock.GetUtcNow();
        await db.ConversationMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, m => m.MessageSid == sid && m.Status != MessageStatus.Sending ? m.Status : status)
            .SetProperty(m => m.MessageSid, sid)
            .SetProperty(m => m.StatusAt, now), CancellationToken.None);
    }

    private async Task FailedAsync(Guid id, string? code, string problem)
    {
        var now = clock.GetUtcNow();
        // Only from "sending": if Twilio did take it after all (a time-out) and reported on it, that report stands.
        await db.ConversationMessages.Where(m => m.Id == id && m.Status == MessageStatus.Sending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, MessageStatus.Failed).SetProperty(m => m.ErrorCode, code)
            .SetProperty(m => m.Problem, problem).SetProperty(m => m.StatusAt, now), CancellationToken.None);
    }

    /// <summary>
    /// The conversation moved; an advocate's message also answers the person (off the "waiting" list), unless they
    /// wrote again after it was written (a later message still waits for its answer). The flow's own texts (closing,
    /// expiry) answer nobody.
    /// </summary>
    private async Task AnsweredAsync(Guid contactId, ConversationMessage row)
    {
        var now = clock.GetUtcNow();
        await db.Contacts.Where(c => c.Id == contactId).ExecuteUpdateAsync(
            s => s.SetProperty(c => c.LastActivityAt, now), CancellationToken.None);
        if (row.Author != MessageAuthor.Advocate) return;
        await db.Contacts
            .Where(c => c.Id == contactId && c.AwaitingReplySince != null && !db.ConversationMessages.Any(
                m => m.ContactId == contactId && m.Direction == MessageDirection.Inbound && m.Sequence > row.Sequence))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AwaitingReplySince, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>
    /// Absolute, on the public base URL Twilio reaches us at; none without one (the row then keeps Twilio's first answer).
    /// </summary>
    private Uri? StatusCallback(Guid id)
    {
        if (settings.PublicBaseUrl is not { } baseUrl)
        {
            log.LogWarning("Hotline:PublicBaseUrl is not set: message {MessageId} is sent without delivery reports", id);
            return null;
        }
        return new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/') + MessageRoutes.StatusOf(id));
    }
}
