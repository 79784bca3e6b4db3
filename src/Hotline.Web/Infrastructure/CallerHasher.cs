using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Callers;
using Hotline.Core.Cases;

namespace Hotline.Web.Infrastructure;

/// <summary>
/// Keyed hash (HMAC-SHA256) of a phone number. Links repeat callers and SMS conversations without keeping
/// the number in clear; without the key, nobody can test a guessed number against the table.
/// </summary>
public sealed class CallerHasher(byte[] key)
{
    /// <summary>
    /// The hash of the caller's number, or null when there is no usable number (<see cref="CallerNumber.Usable"/>):
    /// a withheld number is nobody's number, so it must never become a key shared by every withheld caller.
    /// </summary>
    public string? Hash(string? phoneNumber) =>
        CallerNumber.Usable(phoneNumber) is { } number ? Mac(number) : null;

    /// <summary>
    /// Keys a text conversation by channel, sender and hotline address together; null when the sender has no usable
    /// number. SMS keeps its original form, so conversations open before WhatsApp existed are still found.
    /// </summary>
    public string? HashConversation(Channel channel, string? from, string? to) =>
        CallerNumber.Usable(from) is { } sender
            ? Mac($"{(channel == Channel.Sms ? "sms" : channel.ToString().ToLowerInvariant())}|{sender}|{HotlineNumber(to)}")
            : null;

    /// <summary>Keys a web chat by the visitor's session token (random, kept only in their tab): no number, no hash of one.</summary>
    public string? HashChatSession(string? token) => string.IsNullOrEmpty(token) ? null : Mac($"chat|{token}");

    /// <summary>The hotline's own address without a channel prefix (whatsapp:+1... is the same number as +1...).</summary>
    private static string HotlineNumber(string? to)
    {
        var bare = to?.Trim() ?? "";
        var colon = bare.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) bare = bare[(colon + 1)..];
        return CallerNumber.Usable(bare) ?? bare;
    }

    private string Mac(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
