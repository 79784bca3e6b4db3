namespace Hotline.Web.Conversations;

/// <summary>
/// Where a texter's media may be fetched from. Twilio's media link is on its API (it needs the account's
/// credentials) and answers with a redirect to its media CDN (a short-lived signed link, which must not get the
/// credentials). Anything else is refused: a stored link, or a redirect, must never make the service fetch an
/// arbitrary address with the account's secret.
/// </summary>
public static class MediaHosts
{
    /// <summary>Twilio's API: the only hosts that are sent the account's credentials.</summary>
    public static bool IsTwilioApi(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps
        && (uri.Host == "api.twilio.com" || uri.Host.EndsWith(".twilio.com", StringComparison.OrdinalIgnoreCase));

    /// <summary>Where Twilio's media redirects lead: its CDN, or the storage bucket that serves it.</summary>
    public static bool IsMediaCdn(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps
        && (uri.Host.EndsWith(".twiliocdn.com", StringComparison.OrdinalIgnoreCase)
            || (uri.Host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase)
                && uri.AbsolutePath.StartsWith("/media.twiliocdn.com/", StringComparison.Ordinal)));
}
