using Hotline.Core.Referrals;
using Hotline.Web.Data;
using Hotline.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Referrals;

/// <summary>
/// Fills an empty agency directory from the seed file. Only when empty: once administrators edit the
/// directory in the console, the database is the truth and the file must not overwrite it.
/// </summary>
public sealed class AgencyDirectorySeeder(IServiceScopeFactory scopes, HotlineSettings settings, ILogger<AgencyDirectorySeeder> logger)
    : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        if (await db.Agencies.AnyAsync(ct)) return;
        var entries = AgencyDirectoryFile.Load(settings.AgenciesSeedFile);
        db.Agencies.AddRange(entries.Select(e => e.ToAgency()));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} agencies from {File}", entries.Count, settings.AgenciesSeedFile);
    }
}
