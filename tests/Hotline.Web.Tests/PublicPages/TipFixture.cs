using Hotline.Web.Tests.Infrastructure;

namespace Hotline.Web.Tests.PublicPages;

/// <summary>The app for the tip form's tests: the rate limit out of the way (it has its own test class).</summary>
public sealed class TipFixture : AppFixture
{
    public const string QuickExitUrl = "https://neutral.example/weather";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:PublicPostsPer10Minutes"] = "100000",
        ["Hotline:QuickExitUrl"] = QuickExitUrl,
    };
}
