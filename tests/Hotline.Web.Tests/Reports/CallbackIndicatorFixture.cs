using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.Reports;

/// <summary>An app with the seeded callbacks and callback calls (<see cref="CallbackIndicatorSeed"/>).</summary>
public sealed class CallbackIndicatorFixture : AppFixture, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await CallbackIndicatorSeed.SeedAsync(App);
    }
}
