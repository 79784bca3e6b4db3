using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Telephony.LiveCalls;

/// <summary>One call in progress on the board: "on call 4:12 · interpreter (es)".</summary>
public sealed record LiveCallRow(Guid ContactId, Guid CaseId, string Reference, DateTimeOffset Since, IReadOnlyList<LiveCallLeg> Legs)
{
    public string? Advocate => Legs.FirstOrDefault(l => l.Role == LegRole.Advocate && l.State == LegState.Joined)?.Label;
    public bool CallerHeld => Legs.Any(l => l.Role == LegRole.Caller && l.Held);

    /// <summary>Who else is on it, in words: "interpreter (es)", "Metro Police", "supervisor listening".</summary>
    public IEnumerable<string> Others => Legs.Where(l => l.Role is LegRole.Interpreter or LegRole.Outside or LegRole.Supervisor)
        .Select(l => l.Role switch
        {
            LegRole.Interpreter => $"interpreter ({l.Detail})",
            LegRole.Supervisor => $"supervisor {(l.Detail == "whisper" ? "whispering" : "listening")}",
            _ => l.Label,
        } + (l.State == LegState.Calling ? " (ringing)" : ""));
}

/// <summary>The case page's live-call panel: the legs, the interpreter line suggested, directory agencies with a phone line.</summary>
public sealed record LiveCallPanel(
    Guid CaseId, Guid? ContactId, IReadOnlyList<LiveCallLeg> Legs, InterpreterLine? Suggested, bool SuggestedOpen,
    IReadOnlyList<(Guid Id, string Name)> Agencies, bool WrapUp, string? Me)
{
    public bool Live => ContactId is not null;
    public LiveCallLeg? MyLeg => Legs.FirstOrDefault(l => l.Role == LegRole.Advocate && l.UserId == Me && l.IsLive);
    public bool CallerHeld => Legs.Any(l => l.Role == LegRole.Caller && l.Held && l.IsLive);
}

/// <summary>Reads live calls for the board and the case page (no writes, small indexed queries).</summary>
public sealed class LiveCallBoard(HotlineDbContext db, LiveCallSettings settings, TimeProvider clock)
{
    public const int Shown = 30;

    private static readonly TimeSpan WrapUpFor = TimeSpan.FromHours(2);

    public async Task<IReadOnlyList<LiveCallRow>> CallsAsync(CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.Channel == Hotline.Core.Cases.Channel.Voice && c.State == ContactState.WithOperator)
            .OrderBy(c => c.AnsweredAt).Take(Shown)
            .Select(c => new { c.Id, c.CaseId, c.Case.Reference, Since = c.AnsweredAt ?? c.StartedAt }).ToListAsync(ct);
        if (contacts.Count == 0) return [];
        var ids = contacts.Select(c => c.Id).ToList();
        var legs = await db.LiveCallLegs.AsNoTracking()
            .Where(l => ids.Contains(l.ContactId) && (l.State == LegState.Calling || l.State == LegState.Joined))
            .ToListAsync(ct);
        return contacts.Select(c => new LiveCallRow(c.Id, c.CaseId, c.Reference, c.Since,
            legs.Where(l => l.ContactId == c.Id).OrderBy(l => l.CreatedAt).ToList())).ToList();
    }

    public async Task<LiveCallPanel> PanelAsync(Guid caseId, string? me, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var contact = await db.Contacts.AsNoTracking()
            .Where(c => c.CaseId == caseId && c.Channel == Hotline.Core.Cases.Channel.Voice && c.AnsweredAt != null)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => new { c.Id, c.State, c.Language, c.AnsweredBy, c.EndedAt }).FirstOrDefaultAsync(ct);
        if (contact is null) return new LiveCallPanel(caseId, null, [], null, false, [], false, me);
        var live = contact.State == ContactState.WithOperator;
        // The caller hung up on this advocate's call a moment ago: the wrap-up (classification and notes) is next.
        var wrapUp = !live && contact.State == ContactState.Completed && contact.AnsweredBy == me
            && contact.EndedAt is { } ended && now - ended < WrapUpFor;
        if (!live) return new LiveCallPanel(caseId, null, [], null, false, [], wrapUp, me);
        var legs = await db.LiveCallLegs.AsNoTracking().Where(l => l.ContactId == contact.Id).OrderBy(l => l.CreatedAt).ToListAsync(ct);
        var agencies = (await db.Agencies.AsNoTracking().Where(a => a.Active && a.OnCallPhone != null)
            .OrderBy(a => a.PathwayOrder).ThenBy(a => a.Name).Take(100).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();
        var line = settings.LineFor(contact.Language, now);
        return new LiveCallPanel(caseId, contact.Id, legs, line, line?.IsOpen(now) == true, agencies, false, me);
    }
}
