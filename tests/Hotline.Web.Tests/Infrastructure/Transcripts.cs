using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>Reads a case's conversation transcript as the console would: in order, decrypted.</summary>
public static class Transcripts
{
    public static Task<List<ConversationMessage>> OfCaseAsync(HotlineApp app, Guid caseId) =>
        app.WithDbAsync(db => db.ConversationMessages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Sequence).ToListAsync());

    /// <summary>The case of the conversation whose first message had <paramref name="firstMessageSid"/>.</summary>
    public static Task<Guid> CaseOfAsync(HotlineApp app, string firstMessageSid) =>
        app.WithDbAsync(db => db.Contacts.Where(c => c.ExternalId == firstMessageSid).Select(c => c.CaseId).SingleAsync());

    /// <summary>What the texter wrote, in order.</summary>
    public static async Task<List<string?>> TexterWroteAsync(HotlineApp app, Guid caseId) =>
        (await OfCaseAsync(app, caseId)).Where(m => m.Author == MessageAuthor.Texter).Select(m => m.Body).ToList();
}
