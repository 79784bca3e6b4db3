using System.Security.Claims;
using Hotline.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Web.Operators.Conversations;

/// <summary>The case page's conversation section; nothing when the case has no text conversation.</summary>
public sealed class CaseConversationViewComponent(
    ConversationReader reader, ConversationDesk desk, IQuickReplies quickReplies, ILogger<CaseConversationViewComponent> log)
    : ViewComponent
{
    /// <summary>Where a refused reply is handed to the case page (ViewData), to be shown in the reply box.</summary>
    public const string DraftKey = "ReplyDraft";

    /// <param name="case">The case as the case page loaded it, with its contacts.</param>
    /// <param name="draft">A reply that was just refused, to show again with its reason.</param>
    public async Task<IViewComponentResult> InvokeAsync(Case @case, ReplyDraft? draft)
    {
        if (!@case.Contacts.Any(c => ConversationReader.IsText(c.Channel))) return Content("");
        var ct = HttpContext.RequestAborted;
        var part = await reader.PartAsync(@case.Id, UserClaimsPrincipal, ct);
        if (part is null) return Content("");
        // A full page load is a reading of the conversation, like case.view (see ConversationReader.ReFetchAuditInterval).
        await reader.AuditViewAsync(@case.Id, UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier), false,
            part.Panel.Threads.Count, ct);
        var current = part.Panel.Current;
        var rules = current is null ? null : await desk.RulesAsync(current.ContactId, log, ct);
        var replies = current is null ? [] : quickReplies.For(current.Language);
        return View(new CaseConversationView(
            part, SafeContact.Of(@case), @case.SafeContactInstructions, rules, replies,
            draft is not null && draft.ContactId == current?.ContactId ? draft : null));
    }
}
