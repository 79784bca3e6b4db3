using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reports;

/// <summary>An app with the seeded indicator data (<see cref="IndicatorSeed"/>).</summary>
public sealed class ReportsFixture : AppFixture, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await IndicatorSeed.SeedAsync(App);
    }
}
