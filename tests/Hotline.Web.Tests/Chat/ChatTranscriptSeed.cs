using Hotline.Web.Data;
using Hotline.Web.Live;
using Hotline.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Chat;

/// <summary>
/// An advocate's reply as ConversationSender will write it for the web chat (not on this branch yet): an Advocate
/// transcript row with status Sent, then the case's console notification, which also reaches the visitor's ChatHub.
/// </summary>
public static class ChatTranscriptSeed
{
    public static async Task<Guid> AdvocateReplyAsync(HotlineApp app, Contact conversation, string body)
    {
        var id = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var advocate = await db.Users.Select(u => u.Id).FirstAsync();
            db.ConversationMessages.Add(new ConversationMessage
            {
                Id = id, CaseId = conversation.CaseId, ContactId = conversation.Id, Channel = conversation.Channel,
                Direction = MessageDirection.Outbound, Author = MessageAuthor.Advocate, AuthorUserId = advocate, Body = body,
                Status = MessageStatus.Sent, At = app.Clock.GetUtcNow(), StatusAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_notify({ConsoleSignals.Channel}, {ConsoleSignals.CasePayload(conversation.CaseId)})");
        });
        return id;
    }
}
