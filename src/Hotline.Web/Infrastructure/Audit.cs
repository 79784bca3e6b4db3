using System.Security.Claims;
using Hotline.Web.Data;

namespace Hotline.Web.Infrastructure;

/// <summary>Adds audit entries to the current unit of work (saved with the change they describe).</summary>
public sealed class Audit(HotlineDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public void Record(
        string action, Guid? caseId = null, string? detail = null, Guid? referralId = null, string? actor = null, string? actorName = null)
    {
        var context = http.HttpContext;
        var user = context?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Actor = actor ?? user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system",
            ActorName = actorName ?? user?.Identity?.Name ?? actor ?? "system",
            Action = action,
            CaseId = caseId,
            ReferralId = referralId,
            Detail = detail is { Length: > 2000 } ? detail[..2000] : detail,
            RemoteIp = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }
}
