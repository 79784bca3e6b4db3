using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony;

/// <summary>
/// SMS intake: the same flow as voice, as numbered text menus. A conversation is keyed by sender + hotline
/// number (hashed) and expires after the flow's inactivity period. STOP / START / HELP are honoured.
/// Returns the reply text, or null for no reply.
/// </summary>
public sealed class SmsIntake(IntakeRecorder recorder, HotlineDbContext db, CallerHasher hasher)
{
    private Flow Flow => recorder.Flow;

    /// <summary>How often a message is handled again, on what the winner stored, after its write lost a race.</summary>
    private const int Attempts = 4;

    public async Task<string?> ReceiveAsync(SmsWebhook sms, CancellationToken ct)
    {
        // A sender with no usable number (withheld, a placeholder) has no conversation to continue and no
        // opt-out to keep: each message stands alone rather than join every other withheld sender's.
        var key = hasher.HashConversation(sms.From, sms.To);
        for (var attempt = 1; attempt < Attempts; attempt++)
        {
            // Null: another message of this sender (or a retry of this one) changed the conversation between our
            // read and our write, and nothing of ours was written. Read again and handle the text again, rather
            // than drop it or answer as if it had been kept.
            if (await HandleAsync(sms, key, ct) is { } handled) return handled.Reply;
        }
        return (await HandleAsync(sms, key, ct))?.Reply ?? throw new InvalidOperationException(
            $"An SMS could not be stored after {Attempts} attempts, each losing a race; the sender is given the safe answer");
    }

    /// <summary>What to reply once the message is stored.</summary>
    private readonly record struct Handled(string? Reply);

    private async Task<Handled?> HandleAsync(SmsWebhook sms, string? key, CancellationToken ct)
    {
        var callerHash = hasher.Hash(sms.From);
        var conversation = key is null ? null : await recorder.LoadConversationAsync(key, ct);
        if (conversation is not null && conversation.LastMessageSid == sms.MessageSid)
            return new(SmsText.Render(recorder.CurrentReply(conversation))); // Twilio retried this very message

        if (SmsKeywords.IsStop(sms.Body)) return new(await StopAsync(key, conversation, callerHash, ct));
        if (SmsKeywords.IsStart(sms.Body))
        {
            if (callerHash is not null) await db.SmsOptOuts.Where(o => o.CallerHash == callerHash).ExecuteDeleteAsync(ct);
            return await BeginAsync(sms, key, Flow.Message(MessageKeys.SmsStart, Flow.DefaultLanguage), ct);
        }
        var language = Flow.LanguageOrDefault(conversation?.Language);
        if (SmsKeywords.IsHelp(sms.Body))
        {
            var help = Flow.Message(MessageKeys.SmsHelp, language);
            return new(conversation?.State == ContactState.Intake ? SmsText.Render(recorder.CurrentReply(conversation), help) : help);
        }
        if (conversation is null)
        {
            // Someone who texted STOP gets no messages until they text START.
            if (callerHash is not null && await db.SmsOptOuts.AnyAsync(o => o.CallerHash == callerHash, ct)) return new(null);
            return await BeginAsync(sms, key, prefix: null, ct);
        }
        if (conversation.LastActivityAt.AddMinutes(Flow.SmsInactivityMinutes) < recorder.Now)
        {
            recorder.Abandon(conversation, ContactState.Expired);
            // Lost: the conversation moved meanwhile (another text, the expiry job); what to do is decided again.
            if (!await recorder.CommitAsync(conversation, ct)) return null;
            return await BeginAsync(sms, key, prefix: null, ct);
        }
        return conversation.State switch
        {
            ContactState.Intake => await AnswerAsync(conversation, sms, ct),
            ContactState.Voicemail =>
                await TakeMessageAsync(conversation, sms, ContactState.Completed, Flow.Message(MessageKeys.VoicemailThanks, language), ct),
            _ => await TakeMessageAsync(conversation, sms, conversation.State, reply: null, ct), // queued: an advocate reads it
        };
    }

    private async Task<Handled?> BeginAsync(SmsWebhook sms, string? key, string? prefix, CancellationToken ct)
    {
        var (contact, step) = recorder.Begin(Channel.Sms, sms.MessageSid, sms.From, key);
        contact.LastMessageSid = sms.MessageSid;
        if (await recorder.CommitAsync(contact, ct)) return new(SmsText.Render(step.Reply, prefix));
        // This very message began a conversation already (a retry after that conversation closed, or a reused
        // MessageSid): it is stored, so there is nothing to add and nothing new to say. Otherwise, decide again.
        return await recorder.LoadAsync(sms.MessageSid, ct) is not null ? new(null) : null;
    }

    private async Task<Handled?> AnswerAsync(Contact conversation, SmsWebhook sms, CancellationToken ct)
    {
        var body = sms.Body.Trim();
        var input = body.Length is > 0 and <= 2 && body.All(char.IsAsciiDigit) ? new CallerInput(body, null) : new CallerInput(null, body);
        var step = recorder.Answer(conversation, input);
        conversation.LastMessageSid = sms.MessageSid;
        if (!await recorder.CommitAsync(conversation, ct)) return null;
        return new(SmsText.Render(step.Reply));
    }

    /// <summary>Free text after the questions: kept (encrypted) on the case for the advocate.</summary>
    private async Task<Handled?> TakeMessageAsync(
        Contact conversation, SmsWebhook sms, ContactState next, string? reply, CancellationToken ct)
    {
        var @case = conversation.Case;
        var line = $"[{recorder.Now:yyyy-MM-dd HH:mm} text] {sms.Body.Trim()}";
        @case.Narrative = string.IsNullOrEmpty(@case.Narrative) ? line : @case.Narrative + "\n" + line;
        @case.UpdatedAt = recorder.Now;
        conversation.LastMessageSid = sms.MessageSid;
        conversation.LastActivityAt = recorder.Now;
        if (next != conversation.State)
        {
            conversation.State = next;
            conversation.EndedAt = recorder.Now;
        }
        return await recorder.CommitAsync(conversation, ct) ? new(reply) : null;
    }

    private async Task<string?> StopAsync(string? key, Contact? conversation, string? callerHash, CancellationToken ct)
    {
        var language = Flow.LanguageOrDefault(conversation?.Language);
        // The opt-out first, and on its own: whatever happens to the conversation, it must hold.
        if (callerHash is not null)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO sms_opt_outs ("CallerHash", "At") VALUES ({callerHash}, {recorder.Now}) ON CONFLICT ("CallerHash") DO NOTHING
                """, ct);
        }

        for (var attempt = 0; conversation is not null && attempt < 5; attempt++)
        {
            if (conversation.State == ContactState.Intake) recorder.Abandon(conversation, ContactState.Completed);
            else conversation.State = ContactState.Completed;
            // A sender who said STOP must not be called or texted back, whatever they answered before.
            conversation.Case.CallbackAllowed = false;
            conversation.Case.CallbackDueAt = null;
            if (await recorder.CommitAsync(conversation, ct)) break;
            // Two messages from one sender at once (a STOP and a retry, or two STOPs): read the conversation
            // again and apply the STOP once more rather than fail.
            conversation = key is null ? null : await recorder.LoadConversationAsync(key, ct);
        }
        return Flow.Message(MessageKeys.SmsStop, language);
    }
}
