using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Operators;

/// <summary>
/// The one list of jurisdictions: the codes the agency directory serves. A typed "US-TX" against a directory
/// saying "TX" once hid the Texas shelter and legal aid from the suggestions without a word; so cases pick
/// a code from this list, an unknown code is refused on save, and a case whose code no agency serves says so.
/// </summary>
public sealed class Jurisdictions(HotlineDbContext db)
{
    /// <summary>Every code an active agency serves (national agencies serve all and add none), sorted.</summary>
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken ct)
    {
        var lists = await db.Agencies.AsNoTracking().Where(a => a.Active).Select(a => a.Jurisdictions).ToListAsync(ct);
        return lists.SelectMany(l => l)
            .Where(j => !string.IsNullOrWhiteSpace(j) && j != AgencyListing.National)
            .Select(j => j.Trim().ToUpperInvariant())
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>What the case page says about the case's jurisdiction and the directory, or null when all is well.</summary>
    public static string? Warning(string? jurisdiction, IReadOnlyList<string> known) =>
        jurisdiction is null
            ? "No jurisdiction recorded: only national agencies are suggested. Pick the caller's jurisdiction to see local ones."
            : known.Contains(jurisdiction, StringComparer.OrdinalIgnoreCase)
                ? null
                : $"No agency in the directory serves {jurisdiction}: only national agencies are suggested. Pick a jurisdiction from the " +
                    $"list, or ask an admin to add local agencies.";
}
