using System.Net.Mail;
using Hotline.Core.Callers;
using Hotline.Core.Flows;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Hotline.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Public.Chat;

/// <summary>
/// A visitor who would rather not wait leaves a phone number or an e-mail address and a safe time. It is written on
/// the case where advocates already look for how to reach someone safely: the safe-contact instructions (encrypted)
/// say how and when; a phone number also becomes the case's number with a consented callback in that window, which
/// the callback sweep keeps like any other. The conversation stays in line: an advocate may still answer in the chat.
/// </summary>
public sealed class ChatContactRequest(HotlineDbContext db, CallerHasher hasher, Flow flow, ConsoleSignals signals, TimeProvider clock)
{
    public const int MaxSafeTimeLength = 100;

    /// <summary>What is wrong with the request (field -> message), or an empty list when it can be kept.</summary>
    public IDictionary<string, string[]> Problems(ChatContactInput input)
    {
        var problems = new Dictionary<string, string[]>();
        var phone = input.Phone?.Trim();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(phone) == string.IsNullOrEmpty(email))
            problems["phone"] = ["Give a phone number or an e-mail address (one of them)."];
        else if (!string.IsNullOrEmpty(phone) && CallerNumber.Usable(phone) is null)
            problems["phone"] = ["This does not look like a phone number. Include the country code, e.g. +1."];
        else if (!string.IsNullOrEmpty(email) && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
            problems["email"] = ["This does not look like an e-mail address."];
        if ((input.SafeTime?.Length ?? 0) > MaxSafeTimeLength)
            problems["safeTime"] = [$"Please keep the safe time under {MaxSafeTimeLength} characters."];
        return problems;
    }

    /// <summary>How often the request is applied again when the case changed between our read and our write.</summary>
    private const int Attempts = 3;

    /// <summary>Keeps the request on the visitor's case; false when they have no conversation yet.</summary>
    public async Task<bool> KeepAsync(string conversationKey, ChatContactInput input, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryKeepAsync(conversationKey, input, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone else wrote the case or contact meanwhile (a message, an advocate): read again and re-apply.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<bool> TryKeepAsync(string conversationKey, ChatContactInput input, CancellationToken ct)
    {
        var contact = await db.Contacts.Include(c => c.Case)
            .Where(c => c.ConversationKey == conversationKey)
            .OrderByDescending(c => c.StartedAt)
            .FirstOrDefaultAsync(ct);
        if (contact is null) return false;
        var now = clock.GetUtcNow();
        var @case = contact.Case;
        var window = input.SafeTime?.Trim() is { Length: > 0 } time ? time : null;
        var how = input.Phone?.Trim() is { Length: > 0 } phone ? "phone " + CallerNumber.Usable(phone) : "e-mail " + input.Email!.Trim();
        var line = $"Web chat ({now:yyyy-MM-dd HH:mm} UTC): asked to be contacted by {how} instead of waiting; "
            + $"safe time: {window ?? "not given"}.";
        @case.SafeContactInstructions = string.IsNullOrEmpty(@case.SafeContactInstructions)
            ? line
            : @case.SafeContactInstructions + "\n" + line;
        if (input.Phone?.Trim() is { Length: > 0 } number && CallerNumber.Usable(number) is { } usable)
        {
            @case.CallerNumber ??= usable;
            @case.CallerHash ??= hasher.Hash(usable);
            @case.CallbackAllowed = true;
            // A window the flow knows (any, morning, ...) paces the callback; free words are for the advocate to read.
            if (window is not null && flow.CallbackWindows.ContainsKey(window)) @case.CallbackWindow = window;
            @case.CallbackDueAt ??= flow.NextCallbackTime(@case.CallbackWindow, now);
        }
        contact.CallbackRequested = true;
        @case.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await signals.CaseChangedAsync(@case.Id, ct);
        return true;
    }
}
