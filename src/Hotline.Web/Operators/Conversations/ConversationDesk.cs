using Hotline.Core.Cases;
using Hotline.Core.Flows;
using Hotline.Web.Conversations;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators.Conversations;

/// <summary>
/// Taking, reassigning, answering and closing a text conversation. A conversation has one advocate at a time
/// (<see cref="Contact.AnsweredBy"/>), claimed by the contact's xmin so two advocates never both answer. Sending
/// goes through <see cref="ConversationSender"/>, which writes the transcript row and says why a send failed.
/// </summary>
public sealed class ConversationDesk(
    HotlineDbContext db, Audit audit, TimeProvider clock, ConversationSender sender, IQuickReplies quickReplies, Flow flow)
{
    public const string TakenByAnother = "Another advocate took this conversation a moment ago.";
    /// <summary>The flow's closing text (added to the flow files on another branch; <c>goodbye</c> until then).</summary>

    public async Task<ConversationOutcome> TakeAsync(Guid caseId, Guid contactId, HotlineUser advocate, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var contact = await LoadAsync(caseId, contactId, ct);
            if (contact is null) return ConversationOutcome.Refused("There is no such text conversation on this case.");
            if (contact.AnsweredBy == advocate.Id && contact.State == ContactState.WithOperator)
                return ConversationOutcome.Ok("You already have this conversation.");
            if (contact.State == ContactState.WithOperator && contact.AnsweredBy is not null)
                return ConversationOutcome.Refused(TakenByAnother);
            if (contact.State == ContactState.Intake)
            {
                return ConversationOutcome.Refused(
                    "They are still answering the automatic questions: take the conversation when it reaches the queue.");
            }
            if (contact.State != ContactState.Queued) return ConversationOutcome.Refused("This conversation has ended.");

            var now = clock.GetUtcNow();
            contact.State = ContactState.WithOperator;
            contact.AnsweredBy = advocate.Id;
            contact.AnsweredAt = now;
            contact.LastActivityAt = now;
            try
            {
                await db.SaveChangesAsync(ct); // the xmin token makes this the claim
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                // A text arriving meanwhile also writes the row: read it again; if another advocate won, that is said above.
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return ConversationOutcome.Refused(TakenByAnother);
            }
            var move = await AssignCaseAsync(contact, advocate.Id, "conversation.take", $"contact {contact.Id}", now);
            return ConversationOutcome.Ok($"You have this conversation. The case is {move}.");
        }
    }

    /// <summary>A supervisor gives the conversation (and the case) to another advocate. The policy is checked by the route.</summary>
    public async Task<ConversationOutcome> ReassignAsync(Guid caseId, Guid contactId, string toUserId, CancellationToken ct)
    {
        var to = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == toUserId, ct);
        if (to is null || !await db.UserRoles.AnyAsync(r => r.UserId == toUserId, ct))
            return ConversationOutcome.Refused("Pick an advocate from the list.");
        for (var attempt = 1; ; attempt++)
        {
            var contact = await LoadAsync(caseId, contactId, ct);
            if (contact is null) return ConversationOutcome.Refused("There is no such text conversation on this case.");
            if (contact.State is not (ContactState.Queued or ContactState.WithOperator))
                return ConversationOutcome.Refused("This conversation has ended: there is nothing to reassign.");
            if (contact.AnsweredBy == to.Id && contact.State == ContactState.WithOperator)
                return ConversationOutcome.Ok($"{to.DisplayName} already has this conversation.");
            var from = contact.AnsweredBy;
            var now = clock.GetUtcNow();
            contact.State = ContactState.WithOperator;
            contact.AnsweredBy = to.Id;
            contact.AnsweredAt = now;
            contact.LastActivityAt = now;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateConcurrencyException)
            {
                return ConversationOutcome.Refused("The conversation kept changing: check who has it and try again.");
            }
            var fromName = from is null ? "nobody"
                : await db.Users.Where(u => u.Id == from).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? from;
            await AssignCaseAsync(
                contact, to.Id, "conversation.reassign", $"contact {contact.Id}; from {fromName} to {to.DisplayName}", now);
            return ConversationOutcome.Ok($"{to.DisplayName} now has this conversation.");
        }
    }

    /// <summary>
    /// Sends the flow's closing message, then closes: nobody waits for a reply any more. Closed even when the message
    /// could not be sent (they texted STOP, Twilio unreachable): the advocate is told it was not sent.
    /// </summary>
    public async Task<ConversationOutcome> CloseAsync(
        Guid caseId, Guid contactId, HotlineUser advocate, bool supervisor, CancellationToken ct)
    {
        var contact = await LoadAsync(caseId, contactId, ct);
        if (contact is null) return ConversationOutcome.Refused("There is no such text conversation on this case.");
        if (contact.State is not (ContactState.Queued or ContactState.WithOperator))
            return ConversationOutcome.Refused("This conversation is already closed.");
        if (HeldByAnother(contact, advocate) && !supervisor)
            return ConversationOutcome.Refused("Another advocate has this conversation: only they or a supervisor can close it.");

        var sent = await sender.SendAutomaticAsync(contactId, ClosingMessage(contact.Language, contact.Channel), ct);
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            contact.State = ContactState.Completed;
            contact.EndedAt = now;
            contact.LastActivityAt = now;
            contact.AwaitingReplySince = null;
            contact.AnsweredBy ??= advocate.Id;
            contact.AnsweredAt ??= now;
            audit.Record(
                "conversation.close", caseId,
                $"contact {contact.Id}; closing message {(sent.Sent ? "sent" : "not sent: " + sent.Problem)}");
            try
            {
                await db.SaveChangesAsync(CancellationToken.None); // the message went out: the close must not be lost to a race
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 4)
            {
                db.ChangeTracker.Clear();
                contact = await LoadAsync(caseId, contactId, CancellationToken.None);
                if (contact is null) return ConversationOutcome.Refused("There is no such text conversation on this case.");
            }
        }
        return sent.Sent
            ? ConversationOutcome.Ok("Conversation closed. The closing message was sent.")
            : new ConversationOutcome($"Conversation closed, but the closing message was not sent: {sent.Problem}", null);
    }

    /// <summary>The flow's closing text in the person's language, in the words written for the conversation's channel.</summary>
    public string ClosingMessage(string language, Channel channel) => flow.Message(MessageKeys.ConversationClosed, language, channel);

    /// <summary>
    /// An advocate's reply: typed text, or a quick reply by its id (the button posts it where no script filled the
    /// box). Only the advocate who has the conversation answers it.
    /// </summary>
    public async Task<ConversationOutcome> ReplyAsync(
        Guid caseId, Guid contactId, string? body, string? quickReplyId, HotlineUser advocate, CancellationToken ct)
    {
        var contact = await LoadAsync(caseId, contactId, ct);
        if (CannotAnswer(contact, advocate) is { } refused) return ConversationOutcome.Refused(refused);
        var text = body?.Trim();
        if (!string.IsNullOrEmpty(quickReplyId))
        {
            // Without script, a quick-reply button posts its id; with script it fills the box and Send posts the text.
            if (!string.IsNullOrEmpty(text))
                return ConversationOutcome.Refused("You wrote a reply and chose a quick reply: send one or the other.");
            text = quickReplies.For(contact!.Language).FirstOrDefault(q => q.Id == quickReplyId)?.Text;
        }
        if (string.IsNullOrEmpty(text)) return ConversationOutcome.Refused("Write a reply first: the message box is empty.");
        if (text.Length > MaxReplyLength)
            return ConversationOutcome.Refused($"The reply is too long ({text.Length} characters; at most {MaxReplyLength}).");
        var result = await sender.SendAsync(contactId, text, advocate, ct);
        return result.Sent ? ConversationOutcome.Ok("Reply sent.") : ConversationOutcome.Refused("Not sent: " + result.Problem);
    }

    /// <summary>Twilio's limit for one message.</summary>
    public const int MaxReplyLength = 1600;

    public async Task<ConversationOutcome> SendTemplateAsync(Guid caseId, Guid contactId, HotlineUser advocate, CancellationToken ct)
    {
        var contact = await LoadAsync(caseId, contactId, ct);
        if (CannotAnswer(contact, advocate) is { } refused) return ConversationOutcome.Refused(refused);
        var result = await sender.SendTemplateAsync(contactId, advocate, ct);
        return result.Sent ? ConversationOutcome.Ok("Check-in template sent.") : ConversationOutcome.Refused("Not sent: " + result.Problem);
    }

    public async Task<ConversationOutcome> RetryAsync(Guid caseId, Guid messageId, HotlineUser advocate, CancellationToken ct)
    {
        var message = await db.ConversationMessages.AsNoTracking()
            .Where(m => m.Id == messageId && m.CaseId == caseId)
            .Select(m => new { m.ContactId, m.Author, m.Status })
            .SingleOrDefaultAsync(ct);
        if (message is null || message.Author != MessageAuthor.Advocate)
            return ConversationOutcome.Refused("There is no such reply on this case.");
        if (message.Status is not (MessageStatus.Failed or MessageStatus.Undelivered))
            return ConversationOutcome.Refused("That reply did not fail: there is nothing to send again.");
        var contact = await LoadAsync(caseId, message.ContactId, ct);
        if (CannotAnswer(contact, advocate) is { } refused) return ConversationOutcome.Refused(refused);
        var result = await sender.RetryAsync(messageId, advocate, ct);
        return result.Sent ? ConversationOutcome.Ok("Sent again.") : ConversationOutcome.Refused("Not sent again: " + result.Problem);
    }

    /// <summary>
    /// What may be sent now; null when it could not be checked. A failure to check never hides the conversation: the
    /// send itself checks again and says why it refuses.
    /// </summary>
    public async Task<ReplyRules?> RulesAsync(Guid contactId, ILogger log, CancellationToken ct)
    {
        try
        {
            return await sender.RulesAsync(contactId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not read the reply rules of conversation {ContactId}", contactId);
            return null;
        }
    }

    private static string? CannotAnswer(Contact? contact, HotlineUser advocate) => contact switch
    {
        null => "There is no such text conversation on this case.",
        { State: not (ContactState.Queued or ContactState.WithOperator) } =>
            "This conversation is closed: nothing more can be sent in it.",
        _ when HeldByAnother(contact, advocate) => "Another advocate has this conversation: only they can answer it.",
        _ when contact.AnsweredBy != advocate.Id || contact.State != ContactState.WithOperator =>
            "Take the conversation first, so that no other advocate answers at the same time.",
        _ => null,
    };

    private static bool HeldByAnother(Contact contact, HotlineUser advocate) =>
        contact.State == ContactState.WithOperator && contact.AnsweredBy is not null && contact.AnsweredBy != advocate.Id;

    private Task<Contact?> LoadAsync(Guid caseId, Guid contactId, CancellationToken ct) =>
        db.Contacts.Include(c => c.Case).SingleOrDefaultAsync(
            c => c.Id == contactId && c.CaseId == caseId && ConversationReader.TextChannels.Contains(c.Channel), ct);

    /// <returns>The case's move in words.</returns>
    private async Task<string> AssignCaseAsync(Contact contact, string operatorId, string action, string detail, DateTimeOffset now)
    {
        var move = CaseAssignment.Planned(contact.Case.Status);
        audit.Record(action, contact.CaseId, $"{detail}; case {move}");
        await CaseAssignment.AssignAsync(db, contact.Case, operatorId, now);
        return move;
    }
}
