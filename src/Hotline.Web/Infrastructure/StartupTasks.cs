using Hotline.Web.Data;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Runs before the service takes traffic: migrations (under an advisory lock), roles and the first admin,
/// then the seeders registered by features (sample agencies...); then checks that links sent to agencies
/// can work (<see cref="PublicLinkCheck"/>).
/// </summary>
public sealed class StartupTasks(
    IServiceProvider services, HotlineSettings settings, IEnumerable<IStartupSeeder> seeders, IHostEnvironment environment,
        ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (settings.MigrateOnStartup)
        {
            await DatabaseMigrator.PrepareAsync(services, async token =>
            {
                await FirstAdmin.EnsureAsync(services, settings, logger);
                foreach (var seeder in seeders) await seeder.SeedAsync(token);
            }, ct);
        }
        // After seeding, so the sample agencies count too.
        await PublicLinkCheck.RunAsync(services, settings, environment, logger, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Seeds data a feature needs on an empty database; must be idempotent.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(CancellationToken ct);
}
