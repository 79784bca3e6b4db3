using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Conversations;

/// <summary>
/// Every text channel's intake (SMS and WhatsApp; the web chat too): the same flow as voice, as numbered text
/// menus, then a conversation with an advocate. Every message the person sends becomes a transcript row, written
/// with the step it causes; nothing is kept by rewriting a shared string. A conversation is keyed by channel,
/// sender and hotline address (hashed). STOP / START / HELP are honoured.
/// </summary>
public sealed class ConversationIntake(
    IntakeRecorder recorder, ContactStore store, HotlineDbContext db, CallerHasher hasher, ConversationResumer resumer)
{
    private Flow Flow => recorder.Flow;

    /// <summary>How often a message is handled again, on what the winner stored, after its write lost a race.</summary>
    private const int Attempts = 4;

    /// <summary>The automatic reply to send back (its transcript row's id names it in Twilio's status callback), or null.</summary>
    public async Task<AutomaticReply?> ReceiveAsync(InboundText text, CancellationToken ct)
    {
        // A sender with no usable number (withheld, a placeholder) has no conversation to continue and no
        // opt-out to keep: each message stands alone rather than join every other withheld sender's.
        var key = text.Channel == Channel.Chat
            ? hasher.HashChatSession(text.ChatSession)
            : hasher.HashConversation(text.Channel, text.From, text.HotlineAddress);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // Null: another message of this sender changed the conversation between our read and our write, and
            // nothing of ours was written. Read again and handle the text again, rather than drop it.
            if (await HandleAsync(text, key, ct) is { } handled) return handled.Reply;
            // A retry of a message already in the transcript: its step was taken; the answer is where the texter is now.
            if (await store.HasMessageAsync(text.MessageSid, ct)) return await RepeatAsync(key, ct);
        }
        // Every attempt lost a race (a burst of answers to one question): what the texter said is still kept, as a row of
        // its own that answers nothing, and they are asked where they are again.
        if (key is not null && await recorder.LoadConversationAsync(key, ct) is { } latest)
        {
            await store.AppendToConversationAsync(latest, FromTexter(text), recorder.Now, ct);
            return Repeat(latest);
        }
        throw new InvalidOperationException(
            $"A text could not be stored after {Attempts} attempts, each losing a race; the sender is given the safe answer");
    }

    private readonly record struct Handled(AutomaticReply? Reply);

    /// <summary>
    /// The transcript place this request's text took on its first read of the conversation: kept across re-reads after a
    /// lost race, so a text handled again does not fall behind one that arrived after it.
    /// </summary>
    private long _arrival;

    private ConversationMessage FromTexter(InboundText text)
    {
        var row = Transcript.FromTexter(text, recorder.Now);
        row.Sequence = _arrival;
        return row;
    }

    private async Task<AutomaticReply?> RepeatAsync(string? key, CancellationToken ct) =>
        key is not null && await recorder.LoadConversationAsync(key, ct) is { } conversation ? Repeat(conversation) : null;

    /// <summary>
    /// Twilio retried a message we stored (our answer did not reach it): during the questions the texter is told
    /// where they are again, not recorded twice; past them, nothing was said the first time either.
    /// </summary>
    private AutomaticReply? Repeat(Contact conversation) =>
        conversation.State == ContactState.Intake
            ? new AutomaticReply(TextMenus.Render(recorder.CurrentReply(conversation)), null)
            : null;

    private async Task<Handled?> HandleAsync(InboundText text, string? key, CancellationToken ct)
    {
        var callerHash = hasher.Hash(text.From);
        var conversation = key is null ? null : await recorder.LoadConversationAsync(key, ct);
        if (_arrival == 0 && conversation is not null) _arrival = conversation.ArrivalTicket;
        if (conversation is not null && conversation.LastMessageSid == text.MessageSid) return new Handled(Repeat(conversation));
        if (SmsKeywords.IsStop(text.Body)) return await StopAsync(text, conversation, callerHash, ct);
        if (SmsKeywords.IsStart(text.Body))
        {
            if (callerHash is not null) await db.SmsOptOuts.Where(o => o.CallerHash == callerHash).ExecuteDeleteAsync(ct);
            if (conversation is not null)
            {
                // Back in an open conversation (what they wrote after STOP waits for an advocate): welcomed, not asked again.
                await TakeMessageAsync(conversation, text, ct);
                var welcome = Transcript.Automatic(conversation, Say(MessageKeys.SmsStart, conversation.Language, text), recorder.Now);
                await store.AppendToConversationAsync(conversation, welcome, recorder.Now, ct);
                return new Handled(new AutomaticReply(welcome.Body!, welcome.Id));
            }
            return await BeginAsync(text, key, Say(MessageKeys.SmsStart, Flow.DefaultLanguage, text), ct);
        }
        if (conversation is null)
        {
            // Someone who texted STOP gets no messages until they text START, but what they write is still kept.
            var optedOut = callerHash is not null && await db.SmsOptOuts.AnyAsync(o => o.CallerHash == callerHash, ct);
            // The advocate closed the last conversation and the case is still open: a new one on the same case.
            if (key is not null && await resumer.ResumeAsync(text, key, optedOut, ct) is { } resumed)
            {
                return resumed ? new Handled(null) : null;
            }
            return await BeginAsync(text, key, prefix: null, ct, silent: optedOut);
        }
        if (conversation.State == ContactState.Intake && conversation.LastActivityAt.AddMinutes(Flow.SmsInactivityMinutes) < recorder.Now)
        {
            // The questions went unanswered too long: that intake is over (what was said is kept) and a new one begins.
            recorder.Abandon(conversation, ContactState.Expired);
            if (!await recorder.CommitAsync(conversation, ct)) return null;
            return await BeginAsync(text, key, prefix: null, ct);
        }
        if (SmsKeywords.IsHelp(text.Body) && conversation.State == ContactState.Intake)
        {
            var help = Say(MessageKeys.SmsHelp, conversation.Language, text);
            return await AnswerAsync(conversation, text, help, ct);
        }
        return conversation.State switch
        {
            ContactState.Intake => await AnswerAsync(conversation, text, prefix: null, ct),
            ContactState.Voicemail => await LeaveMessageAsync(conversation, text, ct),
            // Waiting for or talking with an advocate: the message joins the conversation; no automatic answer.
            _ => await TakeMessageAsync(conversation, text, ct),
        };
    }

    private async Task<Handled?> BeginAsync(InboundText text, string? key, string? prefix, CancellationToken ct, bool silent = false)
    {
        var (contact, step) = recorder.Begin(text.Channel, text.MessageSid, text.From, key);
        contact.HotlineAddress = text.HotlineAddress;
        contact.LastMessageSid = text.MessageSid;
        // The first message is often the whole tip ("my boss took my passport..."): it is the transcript's first row.
        recorder.AddMessage(contact, FromTexter(text));
        var reply = silent ? null : AddReply(contact, TextMenus.Render(step.Reply, prefix), step.Reply);
        if (await recorder.CommitAsync(contact, ct)) return new(reply);
        // This very message began a conversation already (a retry): it is stored, so there is nothing new to say.
        return await recorder.LoadAsync(text.MessageSid, ct) is not null ? new Handled(null) : null;
    }

    /// <summary>One turn of the questions. Free text that answers nothing is kept in the transcript, and the menu goes on.</summary>
    private async Task<Handled?> AnswerAsync(Contact conversation, InboundText text, string? prefix, CancellationToken ct)
    {
        var body = text.Body.Trim();
        var input = body.Length is > 0 and <= 2 && body.All(char.IsAsciiDigit) ? new CallerInput(body, null) : new CallerInput(null, body);
        recorder.AddMessage(conversation, FromTexter(text));
        var step = prefix is null ? recorder.Answer(conversation, input) : null;
        conversation.LastMessageSid = text.MessageSid;
        conversation.LastActivityAt = recorder.Now;
        var question = step?.Reply ?? recorder.CurrentReply(conversation);
        var reply = AddReply(conversation, TextMenus.Render(question, prefix), question);
        return await recorder.CommitAsync(conversation, ct) ? new Handled(reply) : null;
    }

    /// <summary>A text after the flow chose a voicemail: the message is kept and thanked for; the conversation ends.</summary>
    private async Task<Handled?> LeaveMessageAsync(Contact conversation, InboundText text, CancellationToken ct)
    {
        recorder.AddMessage(conversation, FromTexter(text));
        conversation.LastMessageSid = text.MessageSid;
        conversation.LastActivityAt = recorder.Now;
        conversation.State = ContactState.Completed;
        conversation.EndedAt = recorder.Now;
        var reply = AddReply(conversation, Say(MessageKeys.VoicemailThanks, conversation.Language, text));
        return await recorder.CommitAsync(conversation, ct) ? new Handled(reply) : null;
    }

    /// <summary>Past the questions: an insert of its own (no read-modify-write), so a burst of texts keeps every one.</summary>
    private async Task<Handled?> TakeMessageAsync(Contact conversation, InboundText text, CancellationToken ct)
    {
        await store.AppendToConversationAsync(conversation, FromTexter(text), recorder.Now, ct);
        return new Handled(null); // a retried webhook (already stored) gets no answer either
    }

    private async Task<Handled?> StopAsync(InboundText text, Contact? conversation, string? callerHash, CancellationToken ct)
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
        // No conversation to end: the opt-out is all there is to keep.
        if (conversation is null) return new Handled(new AutomaticReply(Say(MessageKeys.SmsStop, language, text), null));

        if (conversation.State == ContactState.Intake)
        {
            recorder.Abandon(conversation, ContactState.Completed);
        }
        else
        {
            conversation.State = ContactState.Completed;
            conversation.EndedAt ??= recorder.Now;
        }
        // A sender who said STOP must not be called or texted back, whatever they answered before.
        conversation.Case.CallbackAllowed = false;
        conversation.Case.CallbackDueAt = null;
        conversation.AwaitingReplySince = null;
        conversation.LastMessageSid = text.MessageSid;
        recorder.AddMessage(conversation, FromTexter(text));
        var reply = AddReply(conversation, Say(MessageKeys.SmsStop, language, text));
        // Lost: read the conversation again and apply the STOP once more rather than fail.
        return await recorder.CommitAsync(conversation, ct) ? new Handled(reply) : null;
    }

    /// <summary>One of the flow's messages, in the words written for the person's channel.</summary>
    private string Say(string key, string language, InboundText text) => Flow.Message(key, language, text.Channel);

    /// <summary>The automatic answer joins the transcript with the step, so the advocate reads what the texter was told.</summary>
    private AutomaticReply? AddReply(Contact conversation, string body, IntakeReply? menu = null)
    {
        if (body.Length == 0) return null;
        var row = Transcript.Automatic(conversation, body, recorder.Now);
        recorder.AddMessage(conversation, row);
        return new AutomaticReply(body, row.Id) { Choices = menu?.Prompt?.Options ?? [] };
    }
}

/// <summary>The text to send back in Twilio's reply, and the transcript row whose status the reply's callback updates.</summary>
public sealed record AutomaticReply(string Body, Guid? MessageId)
{
    /// <summary>The open question's answers (key and label): the web chat shows them as buttons that send the key.</summary>
    public IReadOnlyList<MenuOption> Choices { get; init; } = [];
}
