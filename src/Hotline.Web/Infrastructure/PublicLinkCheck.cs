using Hotline.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Every agency notification (SMS, webhook, e-mail) carries a link back to this service. Without
/// Hotline:PublicBaseUrl that link reads http://localhost/..., which works for nobody: an agency would be
/// told of a child in danger and could not open it. So start-up refuses, in one line, whenever an agency
/// channel needs such a link; only Development may go on with the local URL, and it says so.
/// </summary>
public static class PublicLinkCheck
{
    /// <summary>The local URL links fall back to in Development.</summary>
    public const string LocalBaseUrl = "http://localhost";

    public static async Task RunAsync(
        IServiceProvider services, HotlineSettings settings, IHostEnvironment environment, ILogger logger, CancellationToken ct)
    {
        if (settings.PublicBaseUrl is not null) return; // no query: start-up must not need the database for this
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var channels = await db.AgencyChannels.CountAsync(ct);
        if (Problem(settings.PublicBaseUrl, channels, environment.IsDevelopment()) is { } problem)
            throw new ConfigurationException(problem);
        if (channels > 0)
        {
            logger.LogWarning(
                "Hotline:PublicBaseUrl is not set: agency links point to {LocalUrl}, which only works on this machine (allowed in " +
                "Development only)", LocalBaseUrl);
        }
    }

    /// <summary>The one-line configuration error, or null when start-up may go on.</summary>
    public static string? Problem(Uri? publicBaseUrl, int agencyChannels, bool isDevelopment) =>
        publicBaseUrl is null && agencyChannels > 0 && !isDevelopment
            ? $"Configuration error: Hotline:PublicBaseUrl is missing, and {agencyChannels} agency notification channel(s) send a link " +
                $"to this service that would read {LocalBaseUrl}/... (set it to the URL agencies and Twilio reach this service at, e.g. " +
                $"Hotline__PublicBaseUrl=https://hotline.example.org)"
            : null;
}
