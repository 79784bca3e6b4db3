using Hotline.Core.Cases;
using Hotline.Web.Data;
using Hotline.Web.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Conversations;

/// <summary>
/// A text with no open conversation, from someone whose case is still open: it starts a new conversation on that
/// case rather than a new case with the questions again.
/// </summary>
public sealed class ConversationResumer(HotlineDbContext db, IntakeRecorder recorder)
{
    /// <summary>
    /// Null when there is nothing to resume (a new intake begins); true when the text is stored on a new conversation of
    /// the same case; false when it lost a race (handle it again). The case is resumed when an advocate closed its last
    /// conversation, or, for someone who texted STOP, whatever became of it: no reply can go to them, but what they
    /// write now is kept where an advocate reads it.
    /// </summary>
    public async Task<bool?> ResumeAsync(InboundText text, string conversationKey, bool optedOut, CancellationToken ct)
    {
        var last = await db.Contacts.AsNoTracking()
            .Where(c => c.ConversationKey == conversationKey && c.Case.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => new { c.Case, c.State, c.AnsweredBy, c.Language, c.HotlineAddress })
            .FirstOrDefaultAsync(ct);
        if (last is null) return null;
        var closedByAdvocate = last.State == ContactState.Completed && last.AnsweredBy is not null;
        if (!closedByAdvocate && !optedOut) return null;

        var contact = recorder.Resume(last.Case, text.Channel, text.MessageSid, conversationKey, last.Language);
        contact.HotlineAddress = text.HotlineAddress;
        contact.LastMessageSid = text.MessageSid;
        recorder.AddMessage(contact, Transcript.FromTexter(text, recorder.Now));
        return await recorder.CommitAsync(contact, ct);
    }
}
