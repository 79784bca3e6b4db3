using Hotline.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Web.Tests.Chat;

/// <summary>One app per class; every visitor comes from the same test address, so the chat's limits are raised.</summary>
public sealed class ChatFixture : AppFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:ChatStartsPerMinute"] = "100000",
        ["RateLimits:ChatCallsPerMinute"] = "100000",
    };

    /// <summary>A client that keeps no cookies and follows no redirects: what the server sends is what the test sees.</summary>
    public HttpClient Client() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
}
