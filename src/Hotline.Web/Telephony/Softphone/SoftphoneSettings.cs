namespace Hotline.Web.Telephony.Softphone;

/// <summary>
/// What the browser phone needs from Twilio (appsettings.sample.json): an API key and secret to sign access tokens
/// (never the auth token), and the TwiML App whose voice URL is ours. All three, or the softphone says it is not set up.
/// </summary>
public sealed record SoftphoneSettings(string? ApiKeySid, string? ApiKeySecret, string? TwimlAppSid, TimeSpan TokenLifetime)
{
    /// <summary>Twilio allows up to 24 h; an hour keeps a leaked token short-lived, and the page renews it before it ends.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public static SoftphoneSettings From(IConfiguration config)
    {
        static string? Value(IConfiguration c, string key) => c[key] is { Length: > 0 } v ? v.Trim() : null;
        var minutes = int.TryParse(config["Twilio:SoftphoneTokenMinutes"], out var m) ? Math.Clamp(m, 5, 60) : 60;
        return new SoftphoneSettings(
            Value(config, "Twilio:ApiKeySid"), Value(config, "Twilio:ApiKeySecret"), Value(config, "Twilio:TwimlAppSid"),
            TimeSpan.FromMinutes(minutes));
    }

    /// <summary>Null when the softphone can work; otherwise what is missing, in words for the advocate and the admin.</summary>
    public string? Missing()
    {
        var missing = new List<string>();
        if (ApiKeySid is null) missing.Add("Twilio:ApiKeySid");
        if (ApiKeySecret is null) missing.Add("Twilio:ApiKeySecret");
        if (TwimlAppSid is null) missing.Add("Twilio:TwimlAppSid");
        return missing.Count == 0
            ? null
            : $"The browser phone is not set up: an administrator must configure {string.Join(", ", missing)} (see the README).";
    }
}
