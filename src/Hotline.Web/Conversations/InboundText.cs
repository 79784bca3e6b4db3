using System.Text.Json;
using Hotline.Core.Cases;
using Hotline.Web.Telephony;

namespace Hotline.Web.Conversations;

/// <summary>
/// One message a person sent: an SMS or a WhatsApp message as Twilio posts it (the same webhook; WhatsApp
/// addresses carry a <c>whatsapp:</c> prefix). <see cref="From"/> is the person's bare number, without the prefix,
/// so a WhatsApp texter's number is hashed and checked like any other.
/// </summary>
public sealed record InboundText(
    Channel Channel, string MessageSid, string From, string HotlineAddress, string Body, IReadOnlyList<MediaReference> Media)
{
    /// <summary>
    /// Web chat: the visitor's session token, which keys their conversation (a chat has no number). Null on SMS and
    /// WhatsApp, whose conversations are keyed by number.
    /// </summary>
    public string? ChatSession { get; init; }

    public const string WhatsAppPrefix = "whatsapp:";
    private const int MaxBodyLength = 1600; // Twilio's own limit for one message
    private const int MaxMedia = 10; // Twilio's limit per message

    /// <summary>The message, or null when the form is not a usable message (no SID, no sender).</summary>
    public static InboundText? FromForm(IFormCollection form)
    {
        var sid = form["MessageSid"].ToString();
        var from = form["From"].ToString().Trim();
        if (sid.Length is < 10 or > 64 || from.Length is 0 or > 48) return null;
        var channel = from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? Channel.WhatsApp : Channel.Sms;
        if (channel == Channel.WhatsApp) from = from[WhatsAppPrefix.Length..];
        var body = form["Body"].ToString();
        if (body.Length > MaxBodyLength) body = body[..MaxBodyLength];
        return new InboundText(channel, sid, from, FormValues.Short(form["To"], 48) ?? "", body, MediaOf(form));
    }

    private static List<MediaReference> MediaOf(IFormCollection form)
    {
        var count = Math.Clamp(FormValues.IntOrNull(form["NumMedia"]) ?? 0, 0, MaxMedia);
        var media = new List<MediaReference>(count);
        for (var i = 0; i < count; i++)
        {
            // Only Twilio's own media links are kept: the service fetches them later with the account's credentials,
            // and a forged link must not make it fetch anything else.
            if (FormValues.Short(form[$"MediaUrl{i}"], 400) is { } url && MediaReference.IsTwilioMedia(url))
                media.Add(new MediaReference(url, FormValues.Short(form[$"MediaContentType{i}"], 100) ?? "application/octet-stream"));
        }
        return media;
    }

    /// <summary>The media as stored on the transcript row (null when there is none).</summary>
    public string? MediaJson => Media.Count == 0 ? null : JsonSerializer.Serialize(Media);
}

/// <summary>A photo or voice note a texter sent: a link on Twilio's API that only the account's credentials open.</summary>
public sealed record MediaReference(string Url, string ContentType)
{
    public static bool IsTwilioMedia(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && (uri.Host == "api.twilio.com" || uri.Host.EndsWith(".twilio.com", StringComparison.Ordinal));

    public static IReadOnlyList<MediaReference> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<MediaReference>>(json) ?? [];
}
