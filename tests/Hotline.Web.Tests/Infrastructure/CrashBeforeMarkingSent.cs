using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Web.Tests.Infrastructure;

/// <summary>
/// When armed, the next save that would record a notification as Sent fails instead, once: what a node dying
/// after the receiver answered, before the database heard about it, leaves behind.
/// </summary>
public sealed class CrashBeforeMarkingSent : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        var markingSent = eventData.Context!.ChangeTracker.Entries<Notification>()
            .Any(e => e.State == EntityState.Modified && e.Entity.Status == "Sent");
        if (Armed && markingSent)
        {
            Armed = false;
            throw new SimulatedCrashException();
        }
        return base.SavingChangesAsync(eventData, result, ct);
    }
}

public sealed class SimulatedCrashException() : Exception("simulated crash between sending and marking sent");
