using Hotline.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>Who viewed or changed which case, when and from where. Read-only: the log is append-only.</summary>
[Route("audit"), Authorize(Policy = Policies.Supervisor)]
public sealed class AuditController(HotlineDbContext db, ConsoleClock clock) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditSearch s, CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (DateRange.Problem(s.From, s.To) is { } wrong)
        {
            ModelState.AddModelError(nameof(s.To), wrong);
            q = q.Where(a => false);
        }
        if (!string.IsNullOrWhiteSpace(s.User)) q = q.Where(a => EF.Functions.ILike(a.ActorName, "%" + s.User.Trim() + "%"));
        if (!string.IsNullOrWhiteSpace(s.Action)) q = q.Where(a => a.Action == s.Action);
        if (!string.IsNullOrWhiteSpace(s.Ref))
        {
            var reference = s.Ref.Trim().ToUpperInvariant();
            var ids = db.Cases.Where(c => c.Reference.Contains(reference)).Select(c => (Guid?)c.Id);
            q = q.Where(a => ids.Contains(a.CaseId));
        }
        if (clock.StartOfDay(s.From) is { } from) q = q.Where(a => a.At >= from);
        if (clock.StartOfDay(s.To?.AddDays(1)) is { } to) q = q.Where(a => a.At < to);

        s.Page = Math.Max(1, s.Page);
        var total = await q.CountAsync(ct);
        var rows = await (from a in q
                          join c in db.Cases on a.CaseId equals c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          join u in db.Users on a.Actor equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          orderby a.At descending, a.Id descending
                          select new AuditRow(a.At, a.ActorName, a.Action, a.CaseId, c == null ? null : c.Reference, a.Detail, a.RemoteIp)
                          { WhoName = u == null ? null : u.DisplayName })
            .Skip((s.Page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        return View(new AuditPage(s, rows, total, PageSize, actions));
    }
}
