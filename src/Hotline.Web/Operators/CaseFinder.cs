using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>Finds cases by reference and classification; newest first, 25 a page.</summary>
public sealed class CaseFinder(HotlineDbContext db, ConsoleClock clock)
{
    public const int PageSize = 25;

    public async Task<CaseSearchResult> FindAsync(CaseSearch s, CancellationToken ct)
    {
        var q = db.Cases.AsNoTracking();
        var board = BoardLists.Filter(q, s.Board, clock.Now);
        if (board is null) s.Board = null;
        else q = board;
        // References and jurisdiction codes are stored upper case (HL-26-…, US-CA): upper-case the search, not the column.
        var reference = s.Ref?.Trim().ToUpperInvariant();
        var jurisdiction = s.Jurisdiction?.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(reference)) q = q.Where(c => c.Reference.Contains(reference));
        if (s.Status is { } status) q = q.Where(c => c.Status == status);
        if (s.Type is { } type) q = q.Where(c => c.ContactType == type);
        if (!string.IsNullOrWhiteSpace(jurisdiction)) q = q.Where(c => c.Jurisdiction == jurisdiction);
        if (!string.IsNullOrWhiteSpace(s.Operator)) q = q.Where(c => c.AssignedOperatorId == s.Operator);
        if (clock.StartOfDay(s.From) is { } from) q = q.Where(c => c.CreatedAt >= from);
        if (clock.StartOfDay(s.To?.AddDays(1)) is { } to) q = q.Where(c => c.CreatedAt < to);

        s.Page = Math.Max(1, s.Page);
        var total = await q.CountAsync(ct);
        var operators = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var names = operators.ToDictionary(o => o.Id, o => o.DisplayName);
        // A board list keeps the board's order (most urgent, then oldest); a search shows the newest first.
        var ordered = s.Board is null ? q.OrderByDescending(c => c.CreatedAt) : q.OrderBy(CaseRank.Of).ThenBy(c => c.CreatedAt);
        var rows = await ordered.Skip((s.Page - 1) * PageSize).Take(PageSize)
            .Select(
                c => new CaseRow(c.Id, c.Reference, c.Status, c.Urgency, c.ContactType, c.Jurisdiction, c.AssignedOperatorId, c.CreatedAt))
            .ToListAsync(ct);
        rows = rows.Select(r => r with { AssignedTo = r.AssignedTo is { } id && names.TryGetValue(id, out var n) ? n : null }).ToList();
        return new CaseSearchResult(s, rows, total, PageSize, operators.Select(o => (o.Id, o.DisplayName)).ToList());
    }
}
